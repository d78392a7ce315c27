import type { ExtractItem } from '@sitrep/extract/extract-article';
import type { SitrepError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatPretty } from '../commands/format-pretty.ts';

export const FORMATS = ['jsonl', 'json', 'pretty'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * One article as `sitrep extract` prints it, made by whichever thread extracted it: plain
 * strings only, so it crosses between threads as it is (a thread's messages are structured
 * clones, which keep no error class or code) and the main thread prints the same bytes
 * whoever made them.
 */
export type RenderedItem =
  | {
      ok: true;
      /** jsonl: the line with its newline; json: the article's JSON (the main thread adds the commas); pretty: its lines */
      text: string;
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
