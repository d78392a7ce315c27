import type { ReadItem } from '@sitrep/extract/read';
import type { WorldFiles } from '@sitrep/extract/world-files';
import type { Format, RenderedItem } from './rendered-item.ts';

/** An article as read, still to be extracted (read problems never leave the main thread). */
export type ReadArticle = Extract<ReadItem, { ok: true }>;

/** Main thread → worker: one batch of articles, numbered in input order. */
export interface BatchRequest {
  seq: number;
  format: Format;
  articles: ReadArticle[];
}

/** Worker → main thread: batch `seq`, one rendered item per article, in the batch's order. */
export interface BatchResult {
  seq: number;
  items: RenderedItem[];
}

/** What the worker sends once the extractor is loaded, before any result. */
export const READY = 'ready';

/** What a worker starts with: the gazetteer's tables, read once by the main thread. */
export interface WorkerData {
  world: WorldFiles;
}
