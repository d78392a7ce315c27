import type { SitrepStore } from '@sitrep/store/store';
import {
  type ExportSummary,
  exportText,
  parseExportQuery,
  type RawExportQuery,
} from '../src/write-export.ts';

/** Runs an export to a string, as `sitrep export` would write it. */
export async function exportToString(
  store: SitrepStore,
  raw: RawExportQuery,
  batch?: number,
): Promise<{ text: string; summary: ExportSummary }> {
  const { pieces, summary } = exportText(store, parseExportQuery(raw), batch ? { batch } : {});
  let text = '';
  for await (const piece of pieces) text += piece;
  return { text, summary };
}
