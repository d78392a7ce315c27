import type { SqliteDatabase } from 'kysely';

/**
 * `database` with every transaction started IMMEDIATE.
 *
 * Kysely opens every transaction with a plain (deferred) BEGIN. Sitrep's transactions read then
 * write; deferred, one that read before another process committed cannot take the write lock
 * (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out). IMMEDIATE takes the lock at BEGIN, so
 * concurrent writers queue on busy_timeout instead of failing.
 */
export function immediateTransactions(database: SqliteDatabase): SqliteDatabase {
  return {
    prepare: (sql: string) => database.prepare(sql === 'begin' ? 'begin immediate' : sql),
    close: () => database.close(),
  };
}
