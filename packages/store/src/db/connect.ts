import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SitrepError } from '@sitrep/schema/errors';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreConfig } from '../config.ts';
import { immediateTransactions } from './immediate-transactions.ts';
import { cachingStatements } from './statement-cache.ts';
import type { Database } from './tables.ts';

/** Opens the engine the config names. `onQuery` sees every statement (it feeds `store.stats`). */
export async function connect(
  config: StoreConfig,
  onQuery: (event: LogEvent) => void,
): Promise<Kysely<Database>> {
  if (config.engine === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const database = new BetterSqlite3(config.file);
    // WAL lets readers (the API) run while ingest writes; NORMAL sync is still crash-safe in WAL
    // (a power cut may lose the last transactions, never corrupt the file).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    // Checkpoints are where WAL mode fsyncs; every 4 MB (the default) made fsync most of an
    // ingest's time on a slow disk. Every 64 MB keeps the WAL bounded and fsyncs 16x less.
    database.pragma('wal_autocheckpoint = 16000');
    database.pragma('cache_size = -65536'); // 64 MB of page cache: index upkeep stays in memory
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    return new Kysely<Database>({
      dialect: new SqliteDialect({
        database: cachingStatements(immediateTransactions(database as unknown as SqliteDatabase)),
      }),
      log: onQuery,
    });
  }
  const options: pg.PoolConfig = { connectionString: config.url, max: config.poolSize ?? 10 };
  if (config.schema) {
    const admin = new pg.Client({ connectionString: config.url });
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
    } catch (error) {
      throw unavailable(config.url, error);
    } finally {
      await admin.end().catch(() => {});
    }
    options.options = `-c search_path=${config.schema}`;
  }
  const pool = new pg.Pool(options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: onQuery });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw unavailable(config.url, error);
  }
  return db;
}

function unavailable(url: string, error: unknown): SitrepError {
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return new SitrepError(
    'STORE_UNAVAILABLE',
    `cannot reach PostgreSQL at ${safe} (${error instanceof Error ? error.message : String(error)}); start the server or unset DATABASE_URL to use SQLite`,
    { cause: error },
  );
}
