import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from './tables.ts';

/**
 * Runs `read` on one connection inside one read-only transaction, so every statement it makes
 * sees the same committed state, whatever another process commits meanwhile.
 *
 * A GraphQL request reads several times: a page's keys, then the records of its nodes, the
 * mentions of each canonical event, the articles behind them. Each statement on its own pooled
 * connection saw whatever had been committed by then, so a clustering step (another process's
 * `sitrep ingest`) committing between two of them left an edge whose canonical event was gone
 * ("Cannot return null for non-nullable field CanonicalEventEdge.node") or mentions that no
 * longer existed.
 *
 * PostgreSQL: REPEATABLE READ, READ ONLY — the snapshot is taken at the first statement and held
 * to the end; READ ONLY makes a write through it an error rather than a surprise. SQLite: a
 * deferred BEGIN (not the IMMEDIATE every other transaction here takes: a reader must not take
 * the write lock), whose first SELECT fixes the snapshot WAL then keeps. The connection is
 * SQLite's only one, so this process's other statements wait for `read` to finish — keep it to
 * one request.
 */
export async function readSnapshot<T>(
  db: Kysely<Database>,
  engine: Engine,
  read: (bound: Kysely<Database>) => Promise<T>,
): Promise<T> {
  // Kysely's transaction refuses statements made after it ended (a resolver still running when
  // execution gave up on its siblings), so none can land in another request's transaction.
  if (engine === 'postgres')
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  // Its SQLite BEGIN would become IMMEDIATE (immediate-transactions.ts), so the BEGIN is ours here.
  // A late statement after COMMIT is a SELECT run alone on the one connection: harmless.
  return db.connection().execute(async (bound) => {
    await sql`begin deferred`.execute(bound);
    let result: T;
    try {
      result = await read(bound);
    } catch (error) {
      await sql`rollback`.execute(bound).catch(() => {});
      throw error;
    }
    await sql`commit`.execute(bound);
    return result;
  });
}
