import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements one connection keeps; the store issues a few dozen distinct ones. */
const MAX_STATEMENTS = 500;
/** Longer texts (bulk inserts of many rows) are prepared each time rather than hoarded. */
const MAX_SQL_LENGTH = 20_000;

/**
 * The database Kysely's SQLite driver sees: better-sqlite3 with each SQL text prepared once.
 *
 * Kysely calls `prepare` for every query; compiling the SQL was about a third of a page read's
 * time in SQLite (measured in the API bench). A better-sqlite3 statement can be run again with
 * new parameters, and Kysely's driver holds a mutex around its single connection, so a cached
 * statement is never run twice at once (a `stream()` keeps the connection until it ends).
 * Statements survive schema changes: SQLite re-prepares them when the schema moves.
 * Transactions start IMMEDIATE (see `prepare`).
 */
export function cachingStatements(database: BetterSqlite3.Database): SqliteDatabase & {
  readonly cachedStatements: number;
} {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement !== undefined) return statement as unknown as SqliteStatement;
      // Kysely opens every transaction with a plain (deferred) BEGIN. Sitrep's transactions read
      // then write; deferred, one that read before another process committed cannot take the
      // write lock (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out). IMMEDIATE takes the
      // lock at BEGIN, so concurrent writers queue on busy_timeout instead of failing.
      statement = database.prepare(sql === 'begin' ? 'begin immediate' : sql);
      if (sql.length <= MAX_SQL_LENGTH) {
        // Oldest first out: Map keeps insertion order.
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement as unknown as SqliteStatement;
    },
    close() {
      statements.clear();
      database.close();
    },
    get cachedStatements() {
      return statements.size;
    },
  };
}
