import type { PreparedDocument, Sentence } from '../prepared-document.ts';
import { splitSentences } from '../text/split-sentences.ts';

/** Characters cleaning may have replaced one for one: spaces, quotes, apostrophes. */
const SAME_WIDTH: Record<string, string> = {
  ' ': '[\\s\\u00a0]',
  '"': '["\\u201c\\u201d]',
  "'": "['\\u2018\\u2019]",
};

/**
 * The standfirst ("The Russian-backed offensive killed 13 civilians ...") carries figures the
 * body does not repeat, but reading leaves it out of the body sentences. Its sentences are
 * rebuilt here with exact original offsets, or not at all when cleaning changed its length.
 */
export function standfirstSentences(doc: PreparedDocument): Sentence[] {
  const standfirst = doc.article.standfirst;
  if (!standfirst) return [];
  const pattern = [...standfirst]
    .map((ch) => SAME_WIDTH[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('');
  const found = new RegExp(pattern).exec(doc.original);
  if (!found) return [];
  const base = found.index;
  return splitSentences(standfirst).map(({ start, end }) => ({
    text: standfirst.slice(start, end),
    span: { start: base + start, end: base + end },
    paragraph: -1,
    toOriginal: (offset: number) => base + start + offset,
  }));
}
