/** When a feed is polled next, and what is kept about its last failure. */
export interface PollSchedule {
  /** consecutive failed polls; 0 after a success */
  failures: number;
  /** epoch milliseconds */
  nextPollAt: number;
  /** the last failure's message, shown by `sitrep feeds list`; null after a success */
  lastError: string | null;
}

/** A broken feed is retried at most this far apart, so a fixed one is picked up within the day. */
export const MAX_BACKOFF_MS = 24 * 3600_000;

export function afterSuccess(now: number, everyMs: number): PollSchedule {
  return { failures: 0, nextPollAt: now + everyMs, lastError: null };
}

/**
 * Exponential backoff: the n-th failure in a row waits 2^n intervals (capped at a day, never
 * less than one interval), or longer when the server said so with Retry-After. A site that is
 * down is asked ever more rarely, not every ten minutes for a week.
 */
export function afterFailure(
  now: number,
  everyMs: number,
  previous: Pick<PollSchedule, 'failures'>,
  error: { message: string; retryAfter?: number | null },
): PollSchedule {
  const failures = previous.failures + 1;
  const backoff = Math.min(everyMs * 2 ** failures, Math.max(MAX_BACKOFF_MS, everyMs));
  const asked = (error.retryAfter ?? 0) * 1000;
  return { failures, nextPollAt: now + Math.max(backoff, asked), lastError: error.message };
}
