import { LRUCache } from 'lru-cache';

/**
 * A per-process cache of records by id, for the lookups every page repeats (the articles and
 * places behind a page of events). Article, claim and event ids are content hashes, so a record
 * under an id never changes; places, actors and outlets change only when reference data is
 * reloaded. Entries live `ttlMs` at most, `max` of them per kind (least recently used out), and
 * everything is dropped when the data generation moves (any ingest through the API, in any
 * process), so a replaced article is not served after its replacement is visible.
 */
export class RecordCache {
  /** kind → id → entry: a cache per kind rather than one of "kind:id" strings, which a page built 60 of */
  readonly #kinds = new Map<string, LRUCache<string, Entry>>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #generation: () => number;
  #seen: number;

  constructor(options: { ttlMs?: number; max?: number; generation?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#max = options.max ?? 20_000;
    this.#generation = options.generation ?? (() => 0);
    this.#seen = this.#generation();
  }

  /**
   * The cached record for one id, synchronously: the value (null for a remembered absence) or
   * undefined when not cached. Resolvers use it to answer without a promise — a page of events
   * resolved ~60 article, place and date lookups through dataloaders, and a promise per field
   * is much of what GraphQL execution costs.
   */
  peek<T>(kind: string, id: string): T | null | undefined {
    this.#checkGeneration();
    return this.#kinds.get(kind)?.get(id)?.value as T | null | undefined;
  }

  /**
   * Records for `ids` in order (null where unknown), asking `load` only for the ones not cached.
   * `keepNull`: a null answer is remembered too — for facts whose absence is as stable as a
   * record (an article with no borrowed date keeps none until the data changes, which moves the
   * generation). Unknown records are not: the next ingest may add them.
   */
  async byIds<T>(
    kind: string,
    ids: readonly string[],
    load: (ids: readonly string[]) => Promise<(T | null)[]>,
    keepNull = false,
  ): Promise<(T | null)[]> {
    this.#checkGeneration();
    const entries = this.#kinds.get(kind);
    const found: (T | null | undefined)[] = ids.map((id) => entries?.get(id)?.value as T | null | undefined);
    const missing = ids.filter((_, i) => found[i] === undefined);
    if (missing.length === 0) return found as (T | null)[];
    const loaded = await load(missing);
    let store = this.#kinds.get(kind);
    if (store === undefined) {
      // Each kind bounded on its own: a burst of one kind cannot push out every other.
      store = new LRUCache<string, Entry>({ max: this.#max, ttl: this.#ttlMs });
      this.#kinds.set(kind, store);
    }
    const byId = new Map<string, T | null>();
    missing.forEach((id, i) => {
      const value = loaded[i] ?? null;
      byId.set(id, value);
      if (value !== null || keepNull) store.set(id, { value }); // boxed: lru-cache keeps no nulls
    });
    return ids.map((id, i) => (found[i] === undefined ? (byId.get(id) ?? null) : (found[i] as T | null)));
  }

  #checkGeneration(): void {
    const generation = this.#generation();
    if (generation !== this.#seen) {
      for (const cache of this.#kinds.values()) cache.clear();
      this.#seen = generation;
    }
  }
}

interface Entry {
  value: unknown;
}
