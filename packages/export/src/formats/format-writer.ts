import type { ExportRow } from '../export-row.ts';

/**
 * One format's text, written in pieces so an export of any size streams: `begin` once, `batch`
 * per batch of rows, `end` once. `unlocated` counts rows a format could not place (GeoJSON).
 */
export interface FormatWriter {
  begin(): string;
  batch(rows: readonly ExportRow[]): string;
  end(): string;
  readonly written: number;
  readonly unlocated: number;
}
