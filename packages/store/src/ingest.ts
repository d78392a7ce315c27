import type { ExtractedArticle as ExtractedArticleType } from '@sitrep/schema/extracted-article';
import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { formatIssues } from '@sitrep/schema/validate';
import { clusterArticles } from './cluster-articles.ts';
import type { IngestCounts } from './query-types.ts';
import { type ReclusterResult, reclusterStore } from './recluster.ts';
import type { SitrepStore } from './store.ts';

/** One record to store, or one input that could not become a record (named, with the reason). */
export type IngestItem =
  /** `validated`: the producer already checked the record against the schema (extractArticle does) */
  | { ok: true; record: ExtractedArticleType; validated?: boolean }
  | { ok: false; source: string; message: string };

export interface IngestProgress {
  /** items seen so far (stored, unchanged or failed) */
  done: number;
  counts: IngestCounts;
  failed: number;
}

export interface IngestOptions {
  /** records per transaction: a crash loses at most one batch, which the next run redoes */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  onProblem?: (source: string, message: string) => void;
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
}

export const DEFAULT_BATCH_SIZE = 200;
/** Articles per incremental clustering step: bounds the neighbourhood held in memory. */
export const CLUSTER_CHUNK = 2_000;

type ClusterRef = Pick<ExtractedArticleType, 'id' | 'origin' | 'contentHash'>;

/**
 * Streams items into the store in batches, each batch one transaction. Re-running after a
 * crash is the recovery: committed batches come back "unchanged", the lost one is redone, so
 * the database ends exactly as after an uninterrupted run. Records are validated against the
 * schema first: one bad record is reported and skipped, it does not sink its batch.
 */
export async function ingestItems(
  store: SitrepStore,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const counts: IngestCounts = { new: 0, changed: 0, unchanged: 0 };
  let failed = 0;
  let seen = 0;
  let batch: ExtractedArticleType[] = [];
  const cluster = options.recluster ?? true;
  // Only what clustering needs is kept per article, never the records themselves.
  const toCluster: ClusterRef[] = [];
  const everyBatch = options.clusterEvery === 'batch';
  // Only the articles are counted (one indexed COUNT), not every table as counts() does.
  const storedBefore = cluster && !everyBatch ? (await store.listArticles({}, { first: 0 })).totalCount : 0;
  // Progress is reported per item (the bar moves with extraction); counts change per batch.
  const progress = () => options.onProgress?.({ done: seen, counts: { ...counts }, failed });
  const flush = async () => {
    if (batch.length === 0) return;
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
  const fail = (source: string, message: string) => {
    failed++;
    options.onProblem?.(source, message);
  };
  for await (const item of items) {
    seen++;
    if (!item.ok) fail(item.source, item.message);
    else if (item.validated) batch.push(item.record);
    else {
      const checked = ExtractedArticle.safeParse(item.record);
      if (checked.success) batch.push(checked.data);
      else {
        const where = item.record.origin?.path ?? item.record.origin?.externalId ?? item.record.id;
        fail(String(where), `extracted record is not valid: ${formatIssues(checked.error).join('; ')}`);
      }
    }
    if (batch.length >= batchSize) await flush();
    else progress();
  }
  await flush();
  if (cluster && toCluster.length > 0) {
    const results: ReclusterResult[] = [];
    if (counts.new + counts.changed >= Math.max(1, storedBefore)) results.push(await reclusterStore(store));
    else
      for (let i = 0; i < toCluster.length; i += CLUSTER_CHUNK)
        results.push(await clusterArticles(store, toCluster.slice(i, i + CLUSTER_CHUNK)));
    for (const r of results) options.onRecluster?.(r);
  }
  return { ...counts, failed };
}

/** Public contract 4: the last line of `sitrep ingest`. */
export function summaryLine(summary: IngestSummary): string {
  const line = `${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged`;
  return summary.failed ? `${summary.failed} failed; ${line}` : line;
}

/** How many items a source holds, for a progress bar's total. */
export async function countItems(items: AsyncIterable<IngestItem>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}
