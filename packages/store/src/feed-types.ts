/** A feed `sitrep watch` polls, with what the last polls left. Times are ISO 8601 UTC. */
export interface FeedRecord {
  url: string;
  /** the outlet its articles are credited to; null: the feed's own title */
  outlet: string | null;
  everySeconds: number;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** consecutive failed polls (the backoff's exponent); 0 after a success */
  failures: number;
  nextPollAt: string;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  /** the last poll's failure, kept until a poll succeeds */
  lastError: string | null;
  /** where the feed permanently redirected at the last poll */
  movedTo: string | null;
  /** articles stored from it so far */
  articles: number;
}

/** One item a poll dealt with, under every key it is known by. */
export interface FeedItemRecord {
  keys: readonly string[];
  articleId: string | null;
  body: 'page' | 'feed' | null;
  note: string | null;
}

/** The outcome of one poll, written at once so a crash leaves the feed as it was before it. */
export interface FeedPollRecord {
  url: string;
  polledAt: string;
  /** the validators to send next time; omitted to keep the stored ones (items were left for later) */
  validators?: { etag: string | null; lastModified: string | null };
  ok: boolean;
  failures: number;
  nextPollAt: string;
  lastError: string | null;
  movedTo?: string | null;
  items: readonly FeedItemRecord[];
}

export interface FeedStore {
  /** Adds a feed, due at once; for a URL already there, changes what is given. */
  add(
    feed: { url: string; outlet?: string | null; everySeconds?: number },
    now: string,
  ): Promise<'added' | 'updated'>;
  remove(url: string): Promise<boolean>;
  list(): Promise<FeedRecord[]>;
  /** feeds whose next poll is at or before `now`, soonest first */
  due(now: string): Promise<FeedRecord[]>;
  /** which of these item keys a poll has already recorded */
  knownKeys(keys: readonly string[]): Promise<Set<string>>;
  recordPoll(poll: FeedPollRecord): Promise<void>;
}
