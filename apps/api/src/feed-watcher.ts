import { watchFeeds } from '@sitrep/feeds/watch-loop';
import type { EventBatch } from '@sitrep/graphql/context';
import { sharedArticleWorker } from '@sitrep/ingest/article-worker';
import { summaryLine } from '@sitrep/ingest/ingest';
import type { SitrepStore } from '@sitrep/store/store';
import type { ApiConfig } from './config.ts';

export interface FeedWatcher {
  /** stops after the round in progress, whose articles are stored and announced */
  stop(): Promise<void>;
}

/**
 * `sitrep serve --watch`: the feed watcher inside the API process. Each round's articles go
 * through the pipeline on the server's article worker (so extraction never blocks requests),
 * then the cached answers are dropped and each article's events are published to subscribers,
 * as `ingestArticle` does. (Beside the API in its own process, `sitrep watch` is noticed through
 * the store's change watch, which drops the caches, and with Redis announces its events on the
 * deployment's events channel itself.) An article stored again after a
 * crash is announced again: the announcement is at-least-once.
 */
export function startFeedWatcher(
  store: SitrepStore,
  config: ApiConfig,
  shared: { invalidate(): Promise<void>; events: { publish(batch: EventBatch): void | Promise<void> } },
  log: (line: string) => void = console.error,
): FeedWatcher {
  const stop = new AbortController();
  let batches: EventBatch[] = [];
  const running = watchFeeds(
    store,
    {
      config: config.feeds,
      ingest: {
        worker: sharedArticleWorker(),
        maxArticleBytes: config.ingest.maxArticleBytes,
        batchSize: 20,
      },
      onRecord: (record) => {
        batches.push({ articleId: record.id, eventIds: record.events.map((e) => e.id) });
      },
      onProblem: (source, message) => log(`sitrep serve --watch: ${source}: ${message}`),
      onCycle: async (summary) => {
        const taken = batches;
        batches = [];
        log(`sitrep serve --watch: ${summary.feeds} feeds polled: ${summaryLine(summary)}`);
        if (summary.new + summary.changed === 0) return;
        await shared.invalidate().catch(() => {});
        for (const batch of taken) if (batch.eventIds.length) await shared.events.publish(batch);
      },
      onError: (error) => log(`sitrep serve --watch: the round failed (${error.message}); retrying in 30 s`),
    },
    stop.signal,
  );
  return {
    async stop() {
      stop.abort();
      await running;
    },
  };
}
