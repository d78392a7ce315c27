import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/** How many prepared statements one connection keeps; the store issues a few dozen distinct ones. */
const MAX_STATEMENTS = 500;
/** Longer texts (bulk inserts of many rows) are prepared each time rather than hoarded. */
const MAX_SQL_LENGTH = 20_000;

/**
 * The database Kysely's SQLite driver sees: `database` with each SQL text prepared once.
 *
 * Kysely calls `prepare` for every query; compiling the SQL was about a third of a page read's
 * time in SQLite (measured in the API bench). A better-sqlite3 statement can be run again with
 * new parameters, and Kysely's driver holds a mutex around its single connection, so a cached
 * statement is never run twice at once (a `stream()` keeps the connection until it ends).
 * Statements survive schema changes: SQLite re-prepares them when the schema moves.
 */
export function cachingStatements(database: SqliteDatabase): SqliteDatabase & {
  readonly cachedStatements: number;
} {
  const statements = new LRUCache<string, SqliteStatement>({ max: MAX_STATEMENTS });
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement !== undefined) return statement;
      statement = database.prepare(sql);
      if (sql.length <= MAX_SQL_LENGTH) statements.set(sql, statement);
      return statement;
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
