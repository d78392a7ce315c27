import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { SitrepStore } from '@sitrep/store/store';
import type { RecordCache } from './record-cache.ts';

/** What `ingestArticle` receives: the text and what the caller knows about it. */
export interface IngestInput {
  text: string;
  url: string | null;
  outlet: string | null;
  /** YYYY-MM-DD as the caller states it; the text's own date is read when it is null */
  publishedAt: string | null;
}

/**
 * How new events reach subscribers. In one process an in-memory pub/sub is enough; the API
 * server backs it with Redis so every process hears what any process ingested.
 */
export interface EventBus {
  publish(batch: EventBatch): void | Promise<void>;
  subscribe(): AsyncIterable<EventBatch>;
}

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
  extract(input: IngestInput): Promise<ExtractedArticle>;
  /** a per-process cache of articles and reference records; null in short-lived programs */
  records: RecordCache | null;
  /**
   * Set by a server that has already checked this request's operation against COST_LIMITS
   * (apps/api remembers the verdict per document and variables); the complexity plugin then
   * skips its own walk over the query. Never set it without that check.
   */
  costChecked?: boolean;
}

export interface ContextOptions {
  store: SitrepStore;
  canMutate?: boolean;
  events?: EventBus;
  dataChanged?: () => Promise<void>;
  extract?: SitrepContext['extract'];
  records?: RecordCache | null;
}

/** A context for in-process execution (the digest, tests): read-only unless told otherwise. */
export function createContext(options: ContextOptions): SitrepContext {
  return {
    store: options.store,
    canMutate: options.canMutate ?? false,
    events: options.events ?? createMemoryEventBus(),
    dataChanged: options.dataChanged ?? (async () => {}),
    extract: options.extract ?? extractWithSitrep,
    records: options.records ?? null,
  };
}

/** The default extractor: @sitrep/extract, loaded on first use so read-only programs never load NLP models. */
async function extractWithSitrep(input: IngestInput): Promise<ExtractedArticle> {
  const { extractArticle } = await import('./extract-adapter.ts');
  return extractArticle(input);
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
