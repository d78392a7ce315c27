import { parseHTML } from 'linkedom';

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'hr',
  'details',
  'summary',
]);
/** Never text a reader sees. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'object',
  'video',
  'audio',
  'canvas',
  'head',
  'form',
]);

interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The paragraphs of a DOM subtree as a reader sees them: one per block element, `<br>` as a
 * line break inside one, whitespace collapsed. Sitrep's extractor reads text line by line
 * (headline, dateline, captions, paragraphs), so the page's blocks must survive as lines;
 * Readability's own `textContent` runs paragraphs together.
 */
export function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text !== '') out.push(text);
    buffer = '';
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buffer += (child.data ?? '').replace(/\n/g, ' ');
      else if (child.nodeType !== 1) continue;
      else if (SKIP.has(child.localName ?? '')) continue;
      else if (child.localName === 'br') buffer += '\n';
      else if (BLOCK.has(child.localName ?? '')) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return out;
}

/** An HTML fragment (a feed's description, content:encoded, content_html) → its paragraphs. */
export function htmlFragmentParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return paragraphsOf(document.body as unknown as DomNode);
}

/** A title or name that may carry markup ("Hi <b>there</b>", "A &amp; B") → plain text. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return htmlFragmentParagraphs(html).join(' ').replace(/\s+/g, ' ').trim();
}
