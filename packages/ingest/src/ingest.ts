import { type ReadItem, type ReadOptions, readInputs } from '@sitrep/extract/read';
import { BadInputError, type SitrepError } from '@sitrep/schema/errors';
import type { ExtractedArticle as ExtractedArticleType } from '@sitrep/schema/extracted-article';
import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatIssues } from '@sitrep/schema/validate';
import type { IngestCounts } from '@sitrep/store/query-types';
import type { SitrepStore } from '@sitrep/store/store';
import { clusterArticles, unclusterReplacedEvents } from './cluster-articles.ts';
import { defaultIngestConfig } from './config.ts';
import { extractedItems, holdsNul, nulError } from './extract-items.ts';
import type { ArticleWorker } from './extract-pool/article-worker.ts';
import { FarOffDates } from './far-off-dates.ts';
import { describeRecord, FirstOfInput } from './first-of-input.ts';
import { type ReclusterResult, reclusterStore } from './recluster.ts';
import { referenceSeeder } from './reference-data.ts';

/**
 * What `ingest` takes: an article as read (text and metadata, to be extracted: what the
 * extractor's readers yield, or a feed entry, or an API request), a record already extracted
 * (`sitrep ingest --extracted`; `validated` when its producer checked it against the schema, as
 * extractArticle does), or an input that could not be read, with the error naming it.
 */
export type IngestInput = ReadItem | IngestItem;

/** An input after extraction: a record to store, or the error that stopped it. */
export type IngestItem =
  | { ok: true; record: ExtractedArticleType; validated?: boolean; warnings?: string[] }
  | { ok: false; error: SitrepError };

export interface IngestProgress {
  /** items seen so far (stored, unchanged or failed) */
  done: number;
  counts: IngestCounts;
  failed: number;
}

export interface IngestOptions {
  /** records per transaction: a crash loses at most one batch, which the next run redoes */
  batchSize?: number;
  /**
   * Extraction worker threads. 1 extracts in this thread; more hands articles to a pool of
   * workers and yields their records in input order (see extract-pool/parallel-items.ts).
   * Default: defaultJobs() — one thread below 4 cores, else one per core but one.
   */
  jobs?: number;
  /** a long-lived extraction thread to use instead (a server's: see extract-pool/article-worker.ts) */
  worker?: ArticleWorker;
  /** longest article text accepted, in UTF-8 bytes (config.ts; default 200 KB) */
  maxArticleBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** an input refused: `source` names it, `message` says why (without the source) */
  onProblem?: (source: string, message: string, error: SitrepError) => void;
  /**
   * What the reader noticed but did not refuse (an unknown front-matter key): `source: what`,
   * the same lines `sitrep extract` prints
   */
  onWarning?: (message: string) => void;
  /** each record as it goes into a batch (after validation) */
  onRecord?: (record: ExtractedArticleType) => void;
  /**
   * Keep the stored canonical events (@sitrep/cluster) up to date. Default true. It covers
   * unchanged records too, so a re-run after a crash before the clustering repairs it.
   */
  recluster?: boolean;
  /**
   * When to cluster. `run` (default): once every batch is in — a full rebuild when the run
   * brought at least as many new or changed articles as the store held (a bulk load: one pass
   * is cheaper than many neighbourhood steps), else incremental steps over the run's articles,
   * touching only the clusters they can join. `batch`: an incremental step after each batch, so
   * a reader sees canonical events grow while a long ingest runs. All give the same result.
   */
  clusterEvery?: 'run' | 'batch';
  onRecluster?: (result: ReclusterResult) => void;
}

export interface IngestSummary extends IngestCounts {
  failed: number;
  /**
   * Articles whose text came earlier in the same input (FA-KES repeats 15 texts, some under
   * another id): stored once, as the first of them, and counted here, not as "unchanged".
   */
  duplicates: number;
}

export const DEFAULT_BATCH_SIZE = 200;
/** Articles per incremental clustering step: bounds the neighbourhood held in memory. */
export const CLUSTER_CHUNK = 2_000;

type ClusterRef = Pick<ExtractedArticleType, 'id' | 'origin' | 'contentHash'>;

/**
 * The one ingest pipeline: articles read (or records already extracted) in, counts out. Each
 * article is extracted (in this thread, a pool, or a given worker; in input order either way),
 * validated, stored in batches with the reference records it points at, then clustered and its
 * dates inferred. Each batch is one transaction: re-running after a crash is the recovery —
 * committed batches come back "unchanged", the lost one is redone, so the database ends exactly
 * as after an uninterrupted run. One bad input is reported and skipped; it does not sink its
 * batch. An article stored by an older extractor is replaced when the same text comes again.
 */
export async function ingest(
  store: SitrepStore,
  inputs: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const counts: IngestCounts = { new: 0, changed: 0, unchanged: 0 };
  let failed = 0;
  let seen = 0;
  const firsts = new FirstOfInput();
  const farOff = new FarOffDates();
  let batch: ExtractedArticleType[] = [];
  const cluster = options.recluster ?? true;
  const references = referenceSeeder(store);
  // Only what clustering needs is kept per article, never the records themselves.
  const toCluster: ClusterRef[] = [];
  const everyBatch = options.clusterEvery === 'batch';
  // Only the articles are counted (one indexed COUNT), not every table as counts() does.
  const storedBefore = cluster && !everyBatch ? (await store.listArticles({}, { first: 0 })).totalCount : 0;
  // Progress is reported per item (the bar moves with extraction); counts change per batch.
  const progress = () => options.onProgress?.({ done: seen, counts: { ...counts }, failed });
  const flush = async () => {
    if (batch.length === 0) return;
    await references.seed(batch);
    // a changed article's old events leave their canonical events before they are deleted
    if (cluster) {
      const unclustered = await unclusterReplacedEvents(store, batch);
      if (unclustered) options.onRecluster?.(unclustered);
    }
    const result = await store.ingestArticles(batch);
    if (cluster && everyBatch) {
      // Not `onRecluster?.(await ...)`: optional call skips evaluating its argument.
      const clustered = await clusterArticles(store, batch);
      options.onRecluster?.(clustered);
    } else if (cluster)
      for (const r of batch) toCluster.push({ id: r.id, origin: r.origin, contentHash: r.contentHash });
    counts.new += result.new;
    counts.changed += result.changed;
    counts.unchanged += result.unchanged;
    batch = [];
    progress();
  };
  const fail = (error: SitrepError) => {
    failed++;
    const { source, message } = describeProblem(error);
    options.onProblem?.(source, message, error);
  };
  const take = (record: ExtractedArticleType) => {
    const verdict = firsts.check(record);
    if (verdict === 'duplicate') return;
    if (verdict !== 'first') return fail(verdict);
    farOff.add(record, describeRecord(record));
    batch.push(record);
    options.onRecord?.(record);
  };
  const items = extractedItems(inputs, {
    jobs: options.jobs,
    worker: options.worker,
    maxArticleBytes: options.maxArticleBytes ?? defaultIngestConfig().maxArticleBytes,
  });
  for await (const item of items) {
    seen++;
    if (item.ok) for (const warning of item.warnings ?? []) options.onWarning?.(warning);
    if (!item.ok) fail(item.error);
    else if (item.validated) take(item.record);
    else {
      const checked = ExtractedArticle.safeParse(item.record);
      const where = item.record.origin?.path ?? item.record.origin?.externalId ?? item.record.id;
      if (checked.success && holdsNul(checked.data)) fail(nulError(String(where)));
      else if (checked.success) take(checked.data);
      else {
        fail(
          new BadInputError(
            String(where),
            `extracted record is not valid: ${formatIssues(checked.error).join('; ')}`,
          ),
        );
      }
    }
    if (batch.length >= batchSize) await flush();
    else progress();
  }
  await flush();
  for (const warning of farOff.warnings()) options.onWarning?.(warning);
  if (cluster && toCluster.length > 0) {
    const results: ReclusterResult[] = [];
    if (counts.new + counts.changed >= Math.max(1, storedBefore)) results.push(await reclusterStore(store));
    else
      for (let i = 0; i < toCluster.length; i += CLUSTER_CHUNK)
        results.push(await clusterArticles(store, toCluster.slice(i, i + CLUSTER_CHUNK)));
    for (const r of results) options.onRecluster?.(r);
  }
  return { ...counts, failed, duplicates: firsts.duplicates };
}

/** The files and folders given, read as they come by the extractor's streaming readers. */
export function inputsFromPaths(
  paths: readonly string[],
  cwd?: string,
  options?: ReadOptions,
): AsyncIterable<IngestInput> {
  return readInputs(paths, cwd, options);
}

/**
 * Where a refused input came from and why, for a line a person reads: a file's error names its
 * file (`source`) and says what is wrong (`message`) apart, so the caller names the file once.
 */
export function describeProblem(error: SitrepError): { source: string; message: string } {
  if (error instanceof BadInputError) return { source: error.source, message: error.reason };
  return { source: 'input', message: error.message };
}

/**
 * The last line of `sitrep ingest` (documented in the root README): `2 new, 1 changed, 5
 * unchanged`, then `, 15 duplicates within the input` when there were any.
 */
export function summaryLine(summary: IngestCounts & { failed: number; duplicates?: number }): string {
  let line = `${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged`;
  if (summary.duplicates)
    line += `, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'} within the input`;
  return summary.failed ? `${summary.failed} failed; ${line}` : line;
}
