import { BadInputError } from '@sitrep/schema/errors';
import { parse } from 'csv-parse';
import { decodeStream } from './decode-stream.ts';
import { MAX_ARTICLE_BYTES } from './decode-text.ts';
import { LineCounter } from './line-counter.ts';
import {
  emptyHints,
  emptyMeta,
  field,
  MetadataError,
  publishedAtField,
  type RawArticle,
  urlField,
} from './raw-article.ts';
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
 * its line and skipped. When the file breaks (a quote never closed, a stray quote), every row
 * before the break is kept and the problem names the line and how much of the file was left.
 */
export async function* readCsv(path: string, source: string): AsyncGenerator<ReadItem> {
  const lines = new LineCounter();
  const parsed = parsedRecords(lines.watch(decodeStream(path, source)));
  let header: string[] | null = null;
  let previousEnd = 0;
  let count = 0;
  try {
    for await (const item of parsed) {
      if ('broken' in item) {
        const line = lines.lineAt(previousEnd);
        throw new BadInputError(
          `${source}:${line}`,
          `cannot be read as CSV from here (${item.broken.message}); the ${plural(count, 'row')} before it ${count === 1 ? 'was' : 'were'} read, ${lineRange(line, item.lastLine)} (the rest of the file) ${item.lastLine > line ? 'were' : 'was'} not: fix the quoting there and ingest the file again`,
          { cause: item.broken },
        );
      }
      const { record, bytes } = item;
      // csv-parse's own line count is off for CRLF inside quoted fields; count newlines before the record.
      const line = lines.lineAt(previousEnd);
      previousEnd = bytes;
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
      const warnings: string[] = [];
      let raw: RawArticle;
      try {
        raw = toRaw(row, source, line, warnings);
      } catch (error) {
        if (!(error instanceof MetadataError)) throw error;
        yield {
          ok: false,
          error: new BadInputError(at, `${error.message}; fix it or leave the column empty`),
        };
        continue;
      }
      count++;
      yield warnings.length ? { ok: true, raw, warnings } : { ok: true, raw };
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(source, `cannot be read as CSV (${(error as Error).message})`, { cause: error });
  }
  if (count === 0)
    yield { ok: false, error: new BadInputError(source, 'holds no article rows; nothing to extract') };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const lineRange = (from: number, to: number) =>
  to > from
    ? `lines ${from.toLocaleString('en')}–${to.toLocaleString('en')}`
    : `line ${from.toLocaleString('en')}`;

type Parsed = { record: string[]; bytes: number } | { broken: Error; lastLine: number };

/**
 * The records csv-parse reads from the text, each with the offset where it ends, then — if the
 * text breaks — the error and the file's last line. The parser is fed one chunk at a time and
 * hands each record over as it completes (`on_record`), so the records of the chunk that breaks
 * are not lost: read through the stream's iterator, the records still buffered when the parser
 * failed were dropped with it (a bad quote at FA-KES's row 701 lost the 89 rows before it).
 */
async function* parsedRecords(text: AsyncIterable<string>): AsyncGenerator<Parsed> {
  const ready: Parsed[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A field larger than one article can be is a broken quote swallowing the file, or not an article.
    max_record_size: MAX_ARTICLE_BYTES,
    on_record: (record: string[], context) => {
      ready.push({ record, bytes: context.bytes });
      return null;
    },
  });
  let broken: Error | null = null;
  parser.on('error', (error) => {
    broken ??= error;
  });
  // each step's error listener goes when the step is done: left behind, one per 256 KB chunk
  // piled up on the parser (Node printed a leak warning for any CSV over ≈ 2.6 MB, FA-KES × 10)
  const step = (feed: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      const failed = () => resolve();
      parser.once('error', failed);
      feed(() => {
        parser.off('error', failed);
        resolve();
      });
    });
  let newlines = 0;
  let last = '';
  for await (const chunk of text) {
    // counted for the message: how much of the file a break leaves unread
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) newlines++;
    if (chunk) last = chunk.at(-1) as string;
    if (broken) continue;
    await step((done) => parser.write(chunk, () => done()));
    yield* ready.splice(0);
  }
  if (!broken) await step((done) => parser.end(() => done()));
  yield* ready.splice(0);
  if (broken) yield { broken, lastLine: last === '\n' ? newlines : newlines + 1 };
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

function toRaw(row: Row, path: string, line: number, warnings: string[]): RawArticle {
  const meta = emptyMeta();
  meta.headline = row.headline;
  meta.outlet = row.outlet;
  meta.publishedAt = publishedAtField(row.publishedAt, 'publishedAt', `${path}:${line}`, warnings);
  meta.url = urlField(row.url, 'url');
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
