import type { ExportFormat } from '../export-filter.ts';
import { ACLED_COLUMNS, acledRecord, acledWriter } from './acled.ts';
import type { FormatWriter } from './format-writer.ts';
import { geojsonProperties, geojsonWriter } from './geojson.ts';
import { jsonlWriter } from './jsonl.ts';
import { parseSitrepTags, sitrepTags } from './tags.ts';
import { UCDP_COLUMNS, ucdpRecord, ucdpWriter } from './ucdp.ts';

export type { FormatWriter } from './format-writer.ts';
export {
  ACLED_COLUMNS,
  acledRecord,
  geojsonProperties,
  parseSitrepTags,
  sitrepTags,
  UCDP_COLUMNS,
  ucdpRecord,
};

export const formatWriters: Record<ExportFormat, () => FormatWriter> = {
  acled: acledWriter,
  ucdp: ucdpWriter,
  geojson: geojsonWriter,
  jsonl: jsonlWriter,
};
