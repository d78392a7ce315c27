import type { ExtractItem } from '@sitrep/extract/extract-article';
import type { SitrepError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatPretty } from '../commands/format-pretty.ts';

export const FORMATS = ['jsonl', 'json', 'pretty'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * One article as `sitrep extract` prints it, made by whichever thread extracted it: plain
 * strings and bytes only, so it crosses between threads as it is (a thread's messages are
 * structured clones, which keep no error class or code) and the main thread prints the same
 * bytes whoever made them.
 */
export type RenderedItem =
  | {
      ok: true;
      /**
       * jsonl: the line with its newline; json: the article's JSON (the main thread adds the
       * commas); pretty: its lines. UTF-8 bytes when a worker made it (asBytes).
       */
      text: string | Uint8Array;
      warnings: string[];
      /** what the closing line counts */
      skipped: Pick<ExtractedArticle, 'analysisSkipped' | 'language'>;
    }
  | { ok: false; line: string };

export function renderItem(item: ExtractItem, format: Format): RenderedItem {
  if (!item.ok) return { ok: false, line: oneLine(item.error) };
  const { article } = item;
  return {
    ok: true,
    text: render(article, format),
    warnings: item.warnings,
    skipped: { analysisSkipped: article.analysisSkipped, language: article.language },
  };
}

function render(article: ExtractedArticle, format: Format): string {
  if (format === 'jsonl') return `${JSON.stringify(article)}\n`;
  if (format === 'json') return JSON.stringify(article);
  return formatPretty(article);
}

function oneLine(error: SitrepError): string {
  return `${error.message.replace(/\s*\n\s*/g, '; ')} [${error.code}]`;
}

/**
 * A worker's batch with its texts as UTF-8 in one buffer, each item's text a view of it: the
 * buffer is moved to the main thread, not copied, and the main thread writes the bytes as they
 * are. As strings, half the output went through the main thread's heap once more (copied in,
 * then encoded to be written): FA-KES × 10 grew that heap to ≈ 190 MB before a full collection,
 * and the process past 400 MB.
 */
export function asBytes(items: RenderedItem[]): { items: RenderedItem[]; buffer: ArrayBuffer | null } {
  let total = 0;
  for (const item of items)
    if (item.ok && typeof item.text === 'string') total += Buffer.byteLength(item.text);
  if (total === 0) return { items, buffer: null };
  // not from Buffer's shared pool: the whole ArrayBuffer is handed over
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  const out = items.map((item) => {
    if (!item.ok || typeof item.text !== 'string') return item;
    const start = at;
    at += bytes.write(item.text, at);
    return { ...item, text: new Uint8Array(bytes.buffer, bytes.byteOffset + start, at - start) };
  });
  return { items: out, buffer: bytes.buffer as ArrayBuffer };
}
