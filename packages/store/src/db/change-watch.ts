import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { StoreConfig } from '../config.ts';
import type { Database } from './tables.ts';

/** The channel the PostgreSQL triggers of migration 0005 notify, with the changed table's schema as payload. */
export const CHANGE_CHANNEL = 'sitrep_data_changed';

export interface ChangeWatch {
  /** `listener` runs after another connection changed the data; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Notices writes made by other connections — `sitrep ingest` from the command line while an API
 * process serves — so caches over the data can be dropped. SQLite: `PRAGMA data_version`, which
 * moves when another connection commits, read once per `intervalMs` while anyone listens.
 * PostgreSQL: LISTEN on the channel the tables' triggers notify (at commit, so a listener never
 * hears of data it cannot read yet); a lost connection counts as a change (notifications may have
 * been missed) and is retried every `intervalMs`.
 */
export function watchChanges(config: StoreConfig, db: Kysely<Database>, intervalMs = 1000): ChangeWatch {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const engine = config.engine === 'sqlite' ? pollDataVersion(db, intervalMs, changed) : null;
  const listen =
    config.engine === 'postgres'
      ? listenForNotifications(config.url, config.schema ?? 'public', intervalMs, changed)
      : null;
  const source = engine ?? listen!;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) source.start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void source.stop();
      };
    },
    async close() {
      listeners.clear();
      await source.stop();
    },
  };
}

interface Source {
  start(): void;
  stop(): Promise<void>;
}

function pollDataVersion(db: Kysely<Database>, intervalMs: number, changed: () => void): Source {
  let timer: NodeJS.Timeout | null = null;
  let seen: number | null = null;
  const read = async () => {
    const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
    return Number(rows[0]?.data_version);
  };
  return {
    start() {
      void read().then((v) => {
        seen = v;
      });
      timer = setInterval(() => {
        read().then(
          (v) => {
            if (seen !== null && v !== seen) changed();
            seen = v;
          },
          () => {}, // closed underneath us: stop() follows
        );
      }, intervalMs);
      timer.unref(); // never keeps a process alive on its own
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      seen = null;
    },
  };
}

function listenForNotifications(url: string, schema: string, retryMs: number, changed: () => void): Source {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let running = false;
  const connect = async () => {
    if (!running) return;
    const next = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => {});
      if (!running) return;
      changed();
      retry = setTimeout(connect, retryMs);
      retry.unref();
    };
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload === schema) changed();
    });
    next.on('error', lost);
    next.on('end', lost);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      lost();
    }
  };
  return {
    start() {
      running = true;
      void connect();
    },
    async stop() {
      running = false;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
