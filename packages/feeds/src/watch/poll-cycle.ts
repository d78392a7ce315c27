import { type IngestInput, type IngestOptions, type IngestSummary, ingest } from '@sitrep/ingest/ingest';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { FeedItemRecord, FeedRecord, SitrepStore } from '@sitrep/store/store';
import type { FeedsConfig } from '../config.ts';
import { FetchError } from '../fetch/fetch-error.ts';
import { HttpFetcher } from '../fetch/http-fetcher.ts';
import { DEFAULT_READ_OPTIONS } from '../page/read-page.ts';
import { afterFailure, afterSuccess } from '../poll/backoff.ts';
import { type PolledItem, pollFeed } from '../poll/poll-feed.ts';
import { AsyncQueue } from './async-queue.ts';

export interface FeedReport {
  url: string;
  status: 'not-modified' | 'read' | 'failed';
  /** items read now (articles and failures), seen before, and left for the next poll */
  read: number;
  seen: number;
  deferred: number;
  error: string | null;
  nextPollAt: string;
}

export interface CycleOptions {
  config: FeedsConfig;
  /** one fetcher across cycles keeps each host's pause between polls */
  fetcher?: HttpFetcher;
  /** poll every feed, due or not (`sitrep watch --once`) */
  all?: boolean;
  ingest?: Pick<IngestOptions, 'jobs' | 'worker' | 'maxArticleBytes' | 'batchSize'>;
  now?: () => Date;
  onFeed?: (report: FeedReport) => void;
  /** an item whose text came from the feed rather than its page, and why */
  onNote?: (message: string) => void;
  onProblem?: IngestOptions['onProblem'];
  /** each article stored (or found unchanged), as the pipeline takes it */
  onRecord?: (record: ExtractedArticle) => void;
}

export interface CycleSummary extends IngestSummary {
  feeds: number;
  notModified: number;
  failedFeeds: number;
  deferred: number;
}

interface FeedOutcome {
  feed: FeedRecord;
  polledAt: string;
  items: PolledItem[];
  validators?: { etag: string | null; lastModified: string | null };
  movedTo?: string | null;
  notModified: boolean;
  error: FetchError | Error | null;
}

/**
 * One round of polling: the due feeds (or all), several at a time, their new items streamed
 * into one run of the ingest pipeline (extracted, stored, clustered), then each feed's poll
 * recorded — item keys, validators, schedule — only after its articles are stored. A crash in
 * between leaves the feeds as they were: the next round fetches them again, and the articles
 * already stored come back "unchanged" (same text, same origin), so nothing is lost or doubled.
 * A feed that fails is recorded with its error and backoff; the others go on.
 */
export async function pollCycle(store: SitrepStore, options: CycleOptions): Promise<CycleSummary> {
  const now = options.now ?? (() => new Date());
  const { config } = options;
  const feeds = options.all ? await store.feeds.list() : await store.feeds.due(now().toISOString());
  const fetcher = options.fetcher ?? fetcherFor(config);
  const claimed = new Set<string>();
  const claim = async (keys: readonly string[]) => {
    const fresh = !keys.some((k) => claimed.has(k));
    for (const k of keys) claimed.add(k);
    return fresh && (await store.feeds.knownKeys(keys)).size === 0;
  };
  const queue = new AsyncQueue<IngestInput>(16);
  const outcomes: FeedOutcome[] = [];
  const pollOne = async (feed: FeedRecord) => {
    const outcome: FeedOutcome = {
      feed,
      polledAt: now().toISOString(),
      items: [],
      notModified: false,
      error: null,
    };
    outcomes.push(outcome);
    try {
      const result = await pollFeed(
        {
          url: feed.url,
          outlet: feed.outlet,
          validators:
            feed.etag || feed.lastModified ? { etag: feed.etag, lastModified: feed.lastModified } : null,
        },
        {
          fetcher,
          claim,
          limits: {
            feedBytes: config.feedBytes,
            pageBytes: config.pageBytes,
            maxItems: config.maxItemsPerPoll,
            read: DEFAULT_READ_OPTIONS,
          },
        },
      );
      if (result.status === 'not-modified') {
        outcome.notModified = true;
        return;
      }
      outcome.movedTo = result.movedTo;
      for await (const item of result.items) {
        outcome.items.push(item);
        if (item.outcome === 'article' || item.outcome === 'failed') await queue.push(item.input);
        if (item.outcome === 'article' && item.note) options.onNote?.(item.note);
      }
      // Items left for later must be seen again: keep the old validators so no 304 hides them.
      if (!outcome.items.some((i) => i.outcome === 'deferred')) outcome.validators = result.validators;
    } catch (error) {
      // Not only FetchErrors: a bug met on one feed's odd content must not stop the others.
      outcome.error = error as Error;
    }
  };
  const polling = (async () => {
    try {
      await eachLimited(feeds, config.concurrency, pollOne);
    } finally {
      queue.close();
    }
  })();
  const ids = new Map<string, string>();
  let summary: IngestSummary;
  try {
    summary = await ingest(store, queue, {
      ...options.ingest,
      onProblem: options.onProblem,
      onRecord: (record) => {
        if (record.origin.externalId) ids.set(record.origin.externalId, record.id);
        options.onRecord?.(record);
      },
    });
  } finally {
    queue.close();
    await polling;
  }
  const result: CycleSummary = {
    ...summary,
    feeds: feeds.length,
    notModified: 0,
    failedFeeds: 0,
    deferred: 0,
  };
  for (const outcome of outcomes) {
    const report = await record(store, outcome, ids);
    result.unchanged += report.seen;
    result.deferred += report.deferred;
    if (report.status === 'not-modified') result.notModified++;
    if (report.status === 'failed') result.failedFeeds++;
    options.onFeed?.(report);
  }
  return result;
}

async function record(
  store: SitrepStore,
  outcome: FeedOutcome,
  ids: Map<string, string>,
): Promise<FeedReport> {
  const { feed, polledAt, error } = outcome;
  const at = Date.parse(polledAt);
  const schedule = error
    ? afterFailure(at, feed.everySeconds * 1000, feed, {
        message: error instanceof FetchError ? error.message : `unexpected error: ${error.message}`,
        retryAfter: error instanceof FetchError ? error.retryAfter : null,
      })
    : afterSuccess(at, feed.everySeconds * 1000);
  const items: FeedItemRecord[] = [];
  let read = 0;
  let seen = 0;
  let deferred = 0;
  for (const item of outcome.items) {
    if (item.outcome === 'deferred') deferred++;
    else if (item.outcome !== 'article' && item.outcome !== 'failed') {
      seen++;
      items.push({ keys: item.keys, articleId: null, body: null, note: null });
    } else {
      read++;
      const origin = item.input.ok ? item.input.raw.origin.externalId : undefined;
      items.push({
        keys: item.keys,
        articleId: origin ? (ids.get(origin) ?? null) : null,
        body: item.body,
        note: item.note,
      });
    }
  }
  const nextPollAt = new Date(schedule.nextPollAt).toISOString();
  await store.feeds.recordPoll({
    url: feed.url,
    polledAt,
    ok: !error,
    failures: schedule.failures,
    nextPollAt,
    lastError: schedule.lastError,
    items,
    ...(outcome.validators ? { validators: outcome.validators } : {}),
    ...(outcome.movedTo !== undefined ? { movedTo: outcome.movedTo } : {}),
  });
  const status = error ? 'failed' : outcome.notModified ? 'not-modified' : 'read';
  return { url: feed.url, status, read, seen, deferred, error: schedule.lastError, nextPollAt };
}

export function fetcherFor(config: FeedsConfig): HttpFetcher {
  return new HttpFetcher({
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    maxRedirects: config.maxRedirects,
    hostDelayMs: config.hostDelayMs,
  });
}

async function eachLimited<T>(
  list: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await run(list[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
}
