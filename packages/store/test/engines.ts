import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreConfig } from '../src/config.ts';
import { openStore, type SitrepStore } from '../src/store.ts';

/**
 * The engines every store test runs on: SQLite in real temp files, and the real PostgreSQL
 * server (TEST_DATABASE_URL, else DATABASE_URL, else the local trust login) with a schema
 * per store that is dropped afterwards. Unreachable PostgreSQL skips that suite with the
 * reason, except in CI (CI=true), where it fails: CI must prove both engines.
 */
export interface EngineCase {
  name: string;
  skip: string | false;
  config(): Promise<StoreConfig>;
  open(): Promise<SitrepStore>;
  cleanup(): Promise<void>;
}

const PG_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

let counter = 0;

function sqliteCase(): EngineCase {
  let dir: string | null = null; // made on first use, so a filtered-out suite leaves nothing behind
  const stores: SitrepStore[] = [];
  const config = async (): Promise<StoreConfig> => {
    dir ??= mkdtempSync(join(tmpdir(), 'sitrep-store-'));
    return { engine: 'sqlite', file: join(dir, `t${++counter}.db`) };
  };
  return {
    name: 'sqlite',
    skip: false,
    config,
    async open() {
      const s = await openStore(await config());
      stores.push(s);
      return s;
    },
    async cleanup() {
      await Promise.all(stores.map((s) => s.close().catch(() => {})));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresCase(unreachable: string | null): EngineCase {
  const schemas: string[] = [];
  const stores: SitrepStore[] = [];
  const config = async (): Promise<StoreConfig> => {
    const schema = `sitrep_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
    schemas.push(schema);
    return { engine: 'postgres', url: PG_URL, schema, poolSize: 4 };
  };
  return {
    name: 'postgres',
    skip: unreachable ? `PostgreSQL unreachable at ${PG_URL}: ${unreachable}` : false,
    config,
    async open() {
      const s = await openStore(await config());
      stores.push(s);
      return s;
    },
    async cleanup() {
      await Promise.all(stores.map((s) => s.close().catch(() => {})));
      if (schemas.length === 0) return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await client.end();
    },
  };
}

export async function engineCases(): Promise<EngineCase[]> {
  const unreachable = await postgresReachable();
  if (unreachable && process.env.CI === 'true')
    throw new Error(`CI=true but PostgreSQL is unreachable at ${PG_URL}: ${unreachable}`);
  if (unreachable) console.warn(`[store tests] PostgreSQL suite skipped: ${unreachable}`);
  return [sqliteCase(), postgresCase(unreachable)];
}
