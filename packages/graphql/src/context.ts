import type { ArticleWorker } from '@sitrep/ingest/article-worker';
import { DEFAULT_MAX_ARTICLE_KB } from '@sitrep/ingest/config';
import type { SitrepStore } from '@sitrep/store/store';
import type { RecordCache } from './record-cache.ts';

/** How `ingestArticle` runs the ingest pipeline. */
export interface IngestSettings {
  /** longest article text accepted, in UTF-8 bytes (@sitrep/ingest/config; the API reads SITREP_MAX_ARTICLE_KB) */
  maxArticleBytes: number;
  /**
   * The thread that extracts, so a long article never blocks the event loop; default the
   * process's one article worker (@sitrep/ingest/article-worker).
   */
  worker?: ArticleWorker;
}

/**
 * How new events reach subscribers. In one process an in-memory pub/sub is enough; the API
 * server backs it with Redis so every process hears what any process ingested.
 */
export interface EventBus {
  publish(batch: EventBatch): void | Promise<void>;
  subscribe(): AsyncIterable<EventBatch>;
}

/**
 * The Redis channel on which every process of one deployment (`prefix`: SITREP_REDIS_PREFIX)
 * announces new events as EventBatch JSON — graphql-yoga's Redis event target's format, which the
 * API's subscriptions listen with. `sitrep watch` in a process of its own publishes here too, so
 * what it ingests reaches the subscribers of every `sitrep serve`.
 */
export const eventsChannel = (prefix: string) => `${prefix}events:added`;

/** The events one ingest created, all from one article. */
export interface EventBatch {
  articleId: string;
  eventIds: readonly string[];
}

/** One request's view of Sitrep. Dataloaders hang off this object (Pothos keys them by context). */
export interface SitrepContext {
  store: SitrepStore;
  /** true when the request carried a key from SITREP_API_KEYS */
  canMutate: boolean;
  events: EventBus;
  /** called after a mutation changed data, so cached answers are dropped everywhere */
  dataChanged(): Promise<void>;
  ingest: IngestSettings;
  /** a per-process cache of articles and reference records; null in short-lived programs */
  records: RecordCache | null;
  /**
   * Set by a server that has already checked this request's operation against COST_LIMITS
   * (apps/api remembers the verdict per document and variables); the complexity plugin then
   * skips its own walk over the query. Never set it without that check.
   */
  costChecked?: boolean;
  /** the digest's double opt-in sign-up (`subscribe`); set by a server that can send its confirmation mail */
  mailingList?: MailingList;
}

/** What `subscribe` needs of the mailing list (@sitrep/mailing-list's sign-up, bound to a store and a mailer). */
export interface MailingList {
  signUp(
    fields: Record<string, unknown>,
  ): Promise<{ ok: true; message: string } | { ok: false; problems: string[] }>;
}

export interface ContextOptions {
  store: SitrepStore;
  canMutate?: boolean;
  events?: EventBus;
  dataChanged?: () => Promise<void>;
  ingest?: Partial<IngestSettings>;
  records?: RecordCache | null;
  mailingList?: MailingList;
}

/** A context for in-process execution (the digest, tests): read-only unless told otherwise. */
export function createContext(options: ContextOptions): SitrepContext {
  return {
    store: options.store,
    canMutate: options.canMutate ?? false,
    events: options.events ?? createMemoryEventBus(),
    dataChanged: options.dataChanged ?? (async () => {}),
    ingest: {
      maxArticleBytes: options.ingest?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_KB * 1024,
      ...(options.ingest?.worker ? { worker: options.ingest.worker } : {}),
    },
    records: options.records ?? null,
    ...(options.mailingList ? { mailingList: options.mailingList } : {}),
  };
}

/** Fan-out inside one process; each subscriber gets every batch published after it subscribed. */
export function createMemoryEventBus(): EventBus {
  const target = new EventTarget();
  return {
    publish(batch) {
      target.dispatchEvent(new CustomEvent('added', { detail: batch }));
    },
    subscribe() {
      return listen(target);
    },
  };
}

async function* listen(target: EventTarget): AsyncGenerator<EventBatch> {
  const queue: EventBatch[] = [];
  let wake: (() => void) | null = null;
  const onAdded = (e: Event) => {
    queue.push((e as CustomEvent<EventBatch>).detail);
    wake?.();
  };
  target.addEventListener('added', onAdded);
  try {
    while (true) {
      const next = queue.shift();
      if (next) yield next;
      else await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    target.removeEventListener('added', onAdded);
  }
}
