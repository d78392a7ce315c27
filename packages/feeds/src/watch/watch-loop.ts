import type { SitrepStore } from '@sitrep/store/store';
import { type CycleOptions, type CycleSummary, fetcherFor, pollCycle } from './poll-cycle.ts';

export interface WatchOptions extends Omit<CycleOptions, 'all' | 'fetcher'> {
  onCycle?: (summary: CycleSummary) => void | Promise<void>;
  /** a round that could not run at all (the store is down): reported, then retried */
  onError?: (error: Error) => void;
}

/** A feed added by another process is noticed within this, even when no feed is due sooner. */
const MAX_SLEEP_MS = 60_000;
const RETRY_AFTER_ERROR_MS = 30_000;

/**
 * Polls the feeds for as long as `signal` is not aborted: a round for the feeds that are due,
 * then sleep until the next one is (or a minute). Stopping waits for the round in progress, so
 * what it fetched is stored and recorded; a process killed outright loses nothing either (see
 * pollCycle). Returns when stopped.
 */
export async function watchFeeds(
  store: SitrepStore,
  options: WatchOptions,
  signal: AbortSignal,
): Promise<void> {
  const fetcher = fetcherFor(options.config);
  const now = options.now ?? (() => new Date());
  while (!signal.aborted) {
    let wait = MAX_SLEEP_MS;
    try {
      const summary = await pollCycle(store, { ...options, fetcher });
      if (summary.feeds > 0) await options.onCycle?.(summary);
      const soonest = (await store.feeds.list()).reduce(
        (min, f) => Math.min(min, Date.parse(f.nextPollAt)),
        Number.POSITIVE_INFINITY,
      );
      wait = Math.max(1_000, Math.min(MAX_SLEEP_MS, soonest - now().getTime()));
    } catch (error) {
      options.onError?.(error as Error);
      wait = RETRY_AFTER_ERROR_MS;
    }
    await sleep(wait, signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
    signal.addEventListener('abort', finish, { once: true });
  });
}
