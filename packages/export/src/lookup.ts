import type { Place } from '@sitrep/schema/place';
import { LRUCache } from 'lru-cache';

/**
 * Reference records by id, remembered across batches but bounded (least recently used out), so
 * a pass over any number of events holds at most this many of each whatever the store holds.
 */
export class Lookup<T extends object> {
  readonly #cache = new LRUCache<string, { value: T | null }>({ max: 20_000 });
  constructor(readonly load: (ids: readonly string[]) => Promise<(T | null)[]>) {}

  async fill(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.#cache.has(id));
    if (missing.length === 0) return;
    const found = await this.load(missing);
    for (const [i, id] of missing.entries()) this.#cache.set(id, { value: found[i] ?? null });
  }

  get(id: string | null | undefined): T | null {
    return id ? (this.#cache.get(id)?.value ?? null) : null;
  }

  /** Places and their ancestors up to one that names its country (a neighbourhood's record may not). */
  async fillWithAncestors(this: Lookup<Place & T>, ids: readonly string[]): Promise<void> {
    let next = [...ids];
    for (let depth = 0; next.length > 0 && depth < 8; depth++) {
      await this.fill(next);
      next = next.flatMap((id) => {
        const p = this.get(id);
        return p && !p.country && p.parentId ? [p.parentId] : [];
      });
    }
  }

  /** The ISO alpha-2 country of a place: its own, else its nearest ancestor's. */
  countryOf(this: Lookup<Place & T>, place: Place | null): string | null {
    for (let p = place, depth = 0; p && depth < 9; p = this.get(p.parentId), depth++)
      if (p.country) return p.country.toUpperCase();
    return null;
  }
}
