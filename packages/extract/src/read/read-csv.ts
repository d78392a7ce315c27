import { pipeline, Readable } from 'node:stream';
import { BadInputError } from '@sitrep/schema/errors';
import { parse } from 'csv-parse';
import { decodeStream } from './decode-stream.ts';
import { MAX_ARTICLE_BYTES } from './decode-text.ts';
import { LineCounter } from './line-counter.ts';
import { emptyHints, emptyMeta, field, type RawArticle } from './raw-article.ts';
import type { ReadItem } from './read-item.ts';

/** Header names (lower-cased) → the field they fill; FA-KES's columns first. */
const COLUMNS: Record<string, keyof Row> = {
  unit_id: 'id',
  id: 'id',
  externalid: 'id',
  article_title: 'headline',
  title: 'headline',
  headline: 'headline',
  article_content: 'text',
  content: 'text',
  text: 'text',
  body: 'text',
  source: 'outlet',
  outlet: 'outlet',
  date: 'date',
  publishedat: 'publishedAt',
  published: 'publishedAt',
  url: 'url',
  location: 'location',
  labels: 'label',
  label: 'label',
};

interface Row {
  id: string | null;
  headline: string | null;
  text: string | null;
  outlet: string | null;
  /** a label column ("date" in FA-KES): a hint, since such labels are sometimes wrong */
  date: string | null;
  /** a column explicitly named as the publication date: trusted metadata */
  publishedAt: string | null;
  url: string | null;
  location: string | null;
  label: string | null;
}

/**
 * CSV with a header row, read by column name and streamed record by record. Quoted
 * multi-line fields, CRLF and a BOM are handled by csv-parse; a short row is reported with
 * its line and skipped.
 */
export async function* readCsv(path: string, source: string): AsyncGenerator<ReadItem> {
  // A field larger than one article can be is a broken quote swallowing the file, or not an article.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_ARTICLE_BYTES,
  });
  const lines = new LineCounter();
  pipeline(Readable.from(lines.watch(decodeStream(path, source))), parser, () => {});
  let header: string[] | null = null;
  let previousEnd = 0;
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const { record, info } = item;
      // csv-parse's own line count is off for CRLF inside quoted fields; count newlines before the record.
      const line = lines.lineAt(previousEnd);
      previousEnd = info.bytes;
      if (header === null) {
        header = record.map((name) => name.trim().toLowerCase());
        if (!header.some((name) => COLUMNS[name] === 'text'))
          throw new BadInputError(
            source,
            `has no text column (header: ${header.join(', ')}); name one article_content, content, text or body`,
          );
        continue;
      }
      const at = `${source}:${line}`;
      if (record.length < header.length) {
        const missing = header.slice(record.length).join(', ');
        yield {
          ok: false,
          error: new BadInputError(
            at,
            `row has ${record.length} of ${header.length} columns (missing ${missing}); check for a cut line or an unbalanced quote`,
          ),
        };
        continue;
      }
      const row = toRow(header, record);
      if (!row.text) {
        yield { ok: false, error: new BadInputError(at, 'row has an empty text column; nothing to extract') };
        continue;
      }
      count++;
      yield { ok: true, raw: toRaw(row, source, line) };
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(source, `cannot be read as CSV (${(error as Error).message})`, { cause: error });
  }
  if (count === 0)
    yield { ok: false, error: new BadInputError(source, 'holds no article rows; nothing to extract') };
}

function toRow(header: string[], record: string[]): Row {
  const row: Row = {
    id: null,
    headline: null,
    text: null,
    outlet: null,
    date: null,
    publishedAt: null,
    url: null,
    location: null,
    label: null,
  };
  header.forEach((name, i) => {
    const key = COLUMNS[name];
    if (key && row[key] === null) row[key] = key === 'text' ? (record[i] ?? null) : field(record[i]);
  });
  if (row.text !== null && row.text.trim() === '') row.text = null;
  return row;
}

function toRaw(row: Row, path: string, line: number): RawArticle {
  const meta = emptyMeta();
  meta.headline = row.headline;
  meta.outlet = row.outlet;
  meta.publishedAt = row.publishedAt;
  meta.url = row.url;
  const hints = emptyHints();
  hints.publishedAt = row.date;
  hints.location = row.location;
  hints.label = row.label;
  const text = row.text ?? '';
  return {
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    bodyStart: 0,
    // in the schema's order (path, externalId, line), so the record needs no reordering copy
    origin: { path, ...(row.id ? { externalId: row.id } : {}), line },
    meta,
    hints,
  };
}
