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

/**
 * The SQLite file, opened for writing and switched to WAL. A file or folder this user may not
 * write was a raw SQLITE_READONLY or EACCES trace; it is one message naming the file instead.
 */
function openSqlite(file: string): BetterSqlite3.Database {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    return database;
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (/^SQLITE_(READONLY|CANTOPEN|PERM)|^EACCES$|^EPERM$|^EROFS$/.test(code))
      throw new SitrepError(
        'STORE_UNAVAILABLE',
        `the database ${file} cannot be written by this user (${code}): Sitrep writes the file and a -wal and -shm file beside it, so the file and its folder must be writable; fix the permissions, or point SITREP_DB at another file`,
        { cause: error },
      );
    throw error;
  }
}

/** Opens the engine the config names. `onQuery` sees every statement (it feeds `store.stats`). */
export async function connect(
  config: StoreConfig,
  onQuery: (event: LogEvent) => void,
): Promise<Kysely<Database>> {
  if (config.engine === 'sqlite') {
    const database = openSqlite(config.file);
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
      await createSchema(admin, config.schema);
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

/**
 * `CREATE SCHEMA IF NOT EXISTS` is not safe against itself: two processes opening a new schema at
 * once (two ingests started together) both find it missing, and the second insert into
 * pg_namespace fails with a unique violation. That loser's schema exists all the same — created by
 * the other — so the violation is success once the schema is there.
 */
async function createSchema(admin: pg.Client, schema: string): Promise<void> {
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
    const found = await admin.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (found.rowCount === 0) throw error;
  }
}

function unavailable(url: string, error: unknown): SitrepError {
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return new SitrepError(
    'STORE_UNAVAILABLE',
    `cannot reach PostgreSQL at ${safe} (${error instanceof Error ? error.message : String(error)}); start the server or unset DATABASE_URL to use SQLite`,
    { cause: error },
  );
}
