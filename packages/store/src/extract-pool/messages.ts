import type { ReadItem } from '@sitrep/extract/read';
import type { IngestItem } from '../ingest.ts';

/** Main thread → worker: one article as read, numbered in input order. */
export interface ExtractRequest {
  seq: number;
  item: ReadItem;
}

/** Worker → main thread: what became of article `seq`. */
export interface ExtractResult {
  seq: number;
  item: IngestItem;
}
