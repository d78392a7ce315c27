import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { StoreConfig } from '../config.ts';
import type { Database } from './tables.ts';

/**
 * One clustering step at a time per store, across every process that opens it. A step reads the
 * stored neighbourhood of new mentions, decides, then writes; two steps that both read before
 * either writes — two API processes taking `ingestArticle` over one PostgreSQL, or
 * `sitrep ingest` beside a serving API — would each miss the other's mentions, or both create
 * the same canonical event and fail on its key. Steps queue here instead.
 *
 * In this process: a promise chain. Across processes: PostgreSQL's advisory lock, per schema, held
 * on one pooled connection while the step uses the others; SQLite's own file locking on a small
 * side file next to the database (`<file>.cluster-lock`), since the database's lock is the
 * writers' lock and a step writes through it. Both are released by the operating system or
 * the server when a process dies, so a crash never leaves the store locked.
 */
export interface ClusteringLock {
  run<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

export function clusteringLock(config: StoreConfig, db: Kysely<Database>): ClusteringLock {
  const across =
    config.engine === 'postgres'
      ? postgresLock(db)
      : config.file === ':memory:'
        ? null // nobody else can open it
        : sqliteLock(`${config.file}.cluster-lock`);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const step = queue.catch(() => {}).then(() => (across ? across.run(work) : work()));
      queue = step;
      return step;
    },
    close() {
      across?.close();
    },
  };
}

/** An arbitrary constant: the first half of the advisory-lock key, so Sitrep's key is its own. */
const LOCK_NAMESPACE = 0x5172;

function postgresLock(db: Kysely<Database>): ClusteringLock {
  // The second half is the schema: stores in other schemas of one database do not wait on each other.
  const key = sql`${LOCK_NAMESPACE}::int, hashtext(current_schema())`;
  return {
    run: (work) =>
      db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(${key})`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(connection);
        }
      }),
    close() {},
  };
}

/** How long to wait between tries for a lock another process holds. */
const RETRY_MS = 20;

function sqliteLock(file: string): ClusteringLock {
  let handle: BetterSqlite3.Database | null = null;
  const open = () => {
    if (!handle) {
      handle = new BetterSqlite3(file);
      // Never block the event loop waiting: a busy lock is retried on a timer below.
      handle.pragma('busy_timeout = 0');
    }
    return handle;
  };
  const acquire = async (lock: BetterSqlite3.Database) => {
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  };
  return {
    async run(work) {
      const lock = open();
      await acquire(lock);
      try {
        return await work();
      } finally {
        lock.exec('COMMIT');
      }
    },
    close() {
      handle?.close();
      handle = null;
    },
  };
}
