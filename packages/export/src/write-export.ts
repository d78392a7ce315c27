import type { SitrepStore } from '@sitrep/store/store';
import type { ExportQuery } from './export-filter.ts';
import type { ExportRow } from './export-row.ts';
import { formatWriters } from './formats/index.ts';
import { canonicalBatches, EXPORT_BATCH, readRows } from './read-rows.ts';

export type { ExportQuery, RawExportQuery } from './export-filter.ts';
export { CONTENT_TYPES, exportFileName, parseExportQuery } from './export-filter.ts';

/** What an export wrote: rows in the output, and rows GeoJSON left out for want of coordinates. */
export interface ExportSummary {
  written: number;
  unlocated: number;
  /**
   * For canonical events: the cursor to give as `since` next time (the feed's end when the export
   * began), known once the first piece is out; null for reports and while the feed is empty.
   */
  nextCursor: string | null;
}

/**
 * The export as text pieces, in order: a header, one piece per batch of rows, a trailer. Pull it
 * (a `for await`, `Readable.from`) and the store is read one batch ahead of the consumer at
 * most, so memory stays flat whatever the size. `summary` is complete once the pieces are.
 */
export function exportText(
  store: SitrepStore,
  query: ExportQuery,
  options: { batch?: number } = {},
): { pieces: AsyncGenerator<string>; summary: ExportSummary } {
  const writer = formatWriters[query.format]();
  const summary: ExportSummary = { written: 0, unlocated: 0, nextCursor: null };
  async function* pieces(): AsyncGenerator<string> {
    // the feed's end now: what changes later is the next export's (`since` from here)
    const until = query.level === 'event' ? await store.changesCursor() : null;
    summary.nextCursor = until ?? query.since ?? null;
    const read = { ...options, until, records: query.format === 'jsonl' };
    // The header goes out with the first batch: a store that fails on its first read fails
    // before anything is written, so an HTTP client gets an error status, not a cut-off file.
    if (query.format === 'jsonl' && !query.countries) {
      for await (const records of recordsOnly(store, query, read)) {
        summary.written += records.length;
        yield records.map((r) => `${JSON.stringify(r)}\n`).join('');
      }
      return;
    }
    let head: string | null = writer.begin();
    for await (const rows of readRows(store, query, read)) {
      const text = (head ?? '') + writer.batch(rows);
      head = null;
      summary.written = writer.written;
      summary.unlocated = writer.unlocated;
      if (text) yield text;
    }
    summary.written = writer.written;
    summary.unlocated = writer.unlocated;
    const end = (head ?? '') + writer.end();
    if (end) yield end;
  }
  return { pieces: pieces(), summary };
}

/**
 * JSON Lines writes the stored records alone (as formats/jsonl.ts does): without a country
 * filter nothing else need be read — no member reports, places, actors or articles.
 */
async function* recordsOnly(
  store: SitrepStore,
  query: ExportQuery,
  options: { batch?: number; until: string | null },
): AsyncGenerator<ExportRow['record'][]> {
  const filter = {
    ...(query.kinds ? { kinds: query.kinds } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
  const scan = { batch: options.batch ?? EXPORT_BATCH };
  if (query.level === 'report')
    for await (const batch of store.scanEvents(filter, scan)) yield batch.map((b) => b.event);
  else
    for await (const { events } of canonicalBatches(store, query, filter, scan, options.until)) yield events;
}
