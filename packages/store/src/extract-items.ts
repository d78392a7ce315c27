import { availableParallelism } from 'node:os';
import { type ExtractItem, extractAll } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import { BadInputError } from '@sitrep/schema/errors';
import type { IngestItem } from './ingest.ts';

export interface ExtractOptions {
  /**
   * Extraction worker threads. 1 extracts in this thread; more hands articles to a pool of
   * workers and yields their records in input order (see extract-pool/parallel-items.ts).
   * Default: defaultJobs() — one thread below 4 cores, else one per core but one.
   */
  jobs?: number;
}

/**
 * The files and folders given, read by the extractor's streaming readers and extracted as
 * they come, so memory stays flat however large the input. A file that cannot be read or
 * extracted becomes one failed item naming it; the rest go on. Records come out in input order
 * whatever `jobs` is, so batches, and therefore a crash and its re-run, are the same.
 */
export async function* extractedItems(
  paths: readonly string[],
  cwd?: string,
  options: ExtractOptions = {},
): AsyncGenerator<IngestItem> {
  const jobs = options.jobs ?? defaultJobs();
  if (jobs <= 1) {
    for await (const item of extractAll(readInputs(paths, cwd))) yield toIngestItem(item);
    return;
  }
  // Loaded only here: the pool's worker threads cost a start-up a serial run does not need.
  const { parallelExtractedItems } = await import('./extract-pool/parallel-items.ts');
  yield* parallelExtractedItems(readInputs(paths, cwd), jobs);
}

/**
 * extractArticle has already validated each record against the schema, so ingest does not do
 * it twice (`validated: true`).
 */
export function toIngestItem(item: ExtractItem): IngestItem {
  if (item.ok) return { ok: true, record: item.article, validated: true };
  const { error } = item;
  // The CLI prints the source itself: the reason alone, or it would name the file twice.
  if (error instanceof BadInputError) return { ok: false, source: error.source, message: error.reason };
  return { ok: false, source: 'input', message: error.message };
}

/**
 * Worker threads only where they pay. One extraction thread already keeps ~1.4 of this
 * machine class's cores busy (V8's GC runs beside it), and a worker costs ~0.6 s to load, so on
 * the 2-core development machine a pool of two was measured *slower* than one thread (FA-KES:
 * 1.9–2.1 s in one thread, 3.1–3.7 s with two workers; README). From 4 cores up, one worker per
 * core but the one the main thread (reading, writing, GC) needs.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return cores >= 4 ? cores - 1 : 1;
}

/** How many articles the inputs hold, for a progress bar's total (reads, does not extract). */
export async function countInputs(paths: readonly string[], cwd?: string): Promise<number> {
  let n = 0;
  for await (const _ of readInputs(paths, cwd)) n++;
  return n;
}
