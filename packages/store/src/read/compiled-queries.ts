import type { CompiledQuery, Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/tables.ts';

/** Compiled statements remembered per database; a dashboard repeats a few dozen reads. */
const MAX_COMPILED = 1_000;
/** Inputs longer than this (a long full-text filter) are compiled each time, not kept. */
const MAX_KEY_LENGTH = 4_096;

/** Per dialect adapter, which a database and its transactions share (each is its own Kysely). */
const byAdapter = new WeakMap<object, LRUCache<string, CompiledQuery>>();

/**
 * The compiled statements remembered for `db`'s database, by a key the caller makes: the reads
 * below and the fixed-shape bulk INSERTs (write/insert-rows.ts) keep theirs here. Bounded: the
 * least recently used is dropped, and simply compiled again if it comes back.
 */
export function compiledQueries(db: Kysely<Database>): {
  get(key: string): CompiledQuery | undefined;
  set(key: string, compiled: CompiledQuery): void;
} {
  const adapter = db.getExecutor().adapter;
  let cache = byAdapter.get(adapter);
  if (cache === undefined) {
    cache = new LRUCache({ max: MAX_COMPILED });
    byAdapter.set(adapter, cache);
  }
  const lru = cache;
  return {
    get: (key) => lru.get(key),
    set: (key, compiled) => void lru.set(key, compiled),
  };
}

/**
 * Runs a read whose SQL is built by `build`, compiling it once per distinct `key`.
 *
 * Building and compiling a page query with Kysely cost about as much CPU as SQLite spent running
 * it (profiled in the API bench: ~50 µs of a ~600 µs events request), and the API asks the same
 * few pages over and over. The key must hold every input the SQL and its parameters depend on
 * (the filter, the bound, the direction, the limit); the query still runs every time — only
 * its text and parameters are reused, so no answer is ever stale. Bounded (least recently used out).
 */
export async function runCompiled<R>(
  db: Kysely<Database>,
  key: string,
  build: () => { compile(): CompiledQuery<R> },
): Promise<R[]> {
  if (key.length > MAX_KEY_LENGTH) return (await db.executeQuery(build().compile())).rows;
  const cache = compiledQueries(db);
  let compiled = cache.get(key) as CompiledQuery<R> | undefined;
  if (compiled === undefined) {
    compiled = build().compile();
    cache.set(key, compiled as CompiledQuery);
  }
  return (await db.executeQuery(compiled)).rows;
}
