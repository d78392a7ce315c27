import { stringify } from 'csv-stringify/sync';
import type { ExportRow } from '../export-row.ts';
import type { FormatWriter } from './format-writer.ts';

export type CsvValue = string | number | null;

/**
 * A CSV format: a header row of `columns`, then one row per event. Quoting is csv-stringify's
 * (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled); null is empty.
 */
export function csvWriter(
  columns: readonly string[],
  toRecord: (row: ExportRow) => Record<string, CsvValue>,
): FormatWriter {
  let written = 0;
  return {
    begin: () => stringify([columns as string[]]),
    batch(rows) {
      written += rows.length;
      if (rows.length === 0) return '';
      return stringify(rows.map(toRecord), { columns: columns as string[], cast: { number: String } });
    },
    end: () => '',
    get written() {
      return written;
    },
    unlocated: 0,
  };
}
