import { BadInputError } from '@sitrep/schema/errors';
import { decodeStream, streamLines } from './decode-stream.ts';
import { MAX_ARTICLE_BYTES } from './decode-text.ts';
import {
  emptyHints,
  emptyMeta,
  MetadataError,
  publishedAtField,
  type RawArticle,
  textField,
  urlField,
} from './raw-article.ts';
import type { ReadItem } from './read-item.ts';

/**
 * JSON Lines: one `{ "text", "headline"?, "url"?, "outlet"?, "publishedAt"?, "id"?,
 * "location"?, "label"? }` per line. A bad line is reported and skipped; the rest is read.
 */
export async function* readJsonLines(path: string, source: string): AsyncGenerator<ReadItem> {
  let count = 0;
  for await (const { line, text } of streamLines(decodeStream(path, source))) {
    if (text.trim() === '') continue;
    const at = `${source}:${line}`;
    if (text.length > MAX_ARTICLE_BYTES) {
      yield { ok: false, error: new BadInputError(at, 'line is too large for one article; split it') };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { ok: false, error: new BadInputError(at, `is not valid JSON (${(error as Error).message})`) };
      continue;
    }
    const warnings: string[] = [];
    const raw = rawFromObject(value, source, line, warnings);
    if (typeof raw === 'string') yield { ok: false, error: new BadInputError(at, raw) };
    else {
      count++;
      yield warnings.length ? { ok: true, raw, warnings } : { ok: true, raw };
    }
  }
  if (count === 0)
    yield { ok: false, error: new BadInputError(source, 'holds no article lines; nothing to extract') };
}

function rawFromObject(value: unknown, path: string, line: number, warnings: string[]): RawArticle | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'each line must be a JSON object such as {"text": "..."}';
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text.trim() === '')
    return 'has no "text" (a non-empty string); the article text is required';
  const meta = emptyMeta();
  const hints = emptyHints();
  let externalId: string | null;
  try {
    meta.headline = textField(record.headline ?? record.title, 'headline');
    meta.url = urlField(record.url, 'url');
    meta.outlet = textField(record.outlet, 'outlet');
    meta.publishedAt = publishedAtField(record.publishedAt, 'publishedAt', `${path}:${line}`, warnings);
    meta.language = textField(record.language, 'language');
    hints.location = textField(record.location, 'location');
    hints.label = textField(record.label, 'label');
    externalId = textField(record.id ?? record.externalId, 'id');
  } catch (error) {
    if (error instanceof MetadataError) return `${error.message}; fix it or leave the field out`;
    throw error;
  }
  const text = record.text.charCodeAt(0) === 0xfeff ? record.text.slice(1) : record.text;
  return {
    text,
    bodyStart: 0,
    // in the schema's order (path, externalId, line), so the record needs no reordering copy
    origin: { path, ...(externalId ? { externalId } : {}), line },
    meta,
    hints,
  };
}
