import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** Distinct query inputs remembered per database; a dashboard repeats a few dozen. */
const MAX_COMPILED = 1_000;
/** Inputs longer than this (a long full-text filter) are compiled each time, not kept. */
const MAX_KEY_LENGTH = 4_096;

const byDatabase = new WeakMap<Kysely<Database>, Map<string, CompiledQuery>>();

/**
 * Runs a read whose SQL is built by `build`, compiling it once per distinct `key`.
 *
 * Building and compiling a page query with Kysely cost about as much CPU as SQLite spent running
 * it (profiled in the API bench: ~50 µs of a ~600 µs events request), and the API asks the same
 * few pages over and over. The key must hold every input the SQL and its parameters depend on
 * (the filter, the bound, the direction, the limit); the query still runs every time — only
 * its text and parameters are reused, so no answer is ever stale. Bounded; cleared when full.
 */
export async function runCompiled<R>(
  db: Kysely<Database>,
  key: string,
  build: () => { compile(): CompiledQuery<R> },
): Promise<R[]> {
  let cache = byDatabase.get(db);
  if (cache === undefined) {
    cache = new Map();
    byDatabase.set(db, cache);
  }
  if (key.length > MAX_KEY_LENGTH) return (await db.executeQuery(build().compile())).rows;
  let compiled = cache.get(key) as CompiledQuery<R> | undefined;
  if (compiled === undefined) {
    compiled = build().compile();
    if (cache.size >= MAX_COMPILED) cache.clear();
    cache.set(key, compiled as CompiledQuery);
  }
  return (await db.executeQuery(compiled)).rows;
}
