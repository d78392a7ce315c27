import type { FormatWriter } from './format-writer.ts';

/**
 * JSON Lines: each line one stored record, whole, as @sitrep/schema defines it — a
 * CanonicalEvent (level event) or an Event (level report) — so Sitrep's JSON Schema validates it.
 */
export function jsonlWriter(): FormatWriter {
  // used with a country filter; without one write-export.ts writes the records straight from the scan
  let written = 0;
  return {
    begin: () => '',
    batch(rows) {
      written += rows.length;
      let out = '';
      for (const row of rows) out += `${JSON.stringify(row.record)}\n`;
      return out;
    },
    end: () => '',
    get written() {
      return written;
    },
    unlocated: 0,
  };
}
