import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reachable, startApiProcess } from './api-process.ts';

// `sitrep ingest` writes to the database from its own process. A running `sitrep serve` must
// notice and stop serving cached answers from before the ingest (its TTL is 5 minutes).
const SITREP = fileURLToPath(new URL('../../cli/bin/sitrep.js', import.meta.url));
const corpus = (name: string) => fileURLToPath(new URL(`../../../corpus/${name}`, import.meta.url));
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pg = new URL(DATABASE_URL);
const pgUp = await reachable(pg.hostname, Number(pg.port || 5432));
if (!pgUp && process.env.CI) throw new Error(`PostgreSQL (${DATABASE_URL}) is not reachable under CI`);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-ingest-'));
const schema = `sitrep_cli_${randomBytes(4).toString('hex')}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUp)
    try {
      execFileSync('psql', [DATABASE_URL, '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], {
        stdio: 'ignore',
      });
    } catch {
      // psql missing: the schema stays behind, named for this run
    }
});

const engines: { name: string; skip: boolean; env: Record<string, string> }[] = [
  { name: 'SQLite', skip: false, env: { SITREP_DB: join(dir, 'sitrep.db'), DATABASE_URL: '' } },
  { name: 'PostgreSQL', skip: !pgUp, env: { DATABASE_URL, SITREP_PG_SCHEMA: schema } },
];

function ingest(env: Record<string, string>, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SITREP, 'ingest', '--no-progress', file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sitrep ingest: ${code}\n${out}`)),
    );
  });
}

const QUERY = JSON.stringify({ query: '{ events(first: 1) { totalCount } }' });
async function count(url: string): Promise<{ total: number; cached: boolean }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: QUERY,
  });
  const body = (await res.json()) as { data: { events: { totalCount: number } } };
  return { total: body.data.events.totalCount, cached: res.headers.get('x-cache') === 'HIT' };
}

describe.each(engines)('sitrep serve over $name while sitrep ingest runs', ({ skip, env }) => {
  it.skipIf(skip)(
    'drops cached answers within seconds of an ingest from the command line, and keeps them when it wrote nothing',
    async () => {
      await ingest(env, corpus('000_ea18342763ee7f17.txt'));
      const server = await startApiProcess({ ...env, NODE_ENV: 'production' });
      try {
        const before = await count(server.url);
        expect(await count(server.url)).toEqual({ ...before, cached: true });

        expect(await ingest(env, corpus('000_ea18342763ee7f17.txt'))).toMatch(
          /0 new, 0 changed, 1 unchanged/,
        );
        await new Promise((r) => setTimeout(r, 2500)); // more than one poll of SQLite's data version
        expect(await count(server.url)).toEqual({ ...before, cached: true });

        expect(await ingest(env, corpus('001_5bae0838f8ec4212.txt'))).toMatch(/1 new/);
        let after = await count(server.url);
        for (let i = 0; i < 50 && after.total === before.total; i++) {
          await new Promise((r) => setTimeout(r, 200));
          after = await count(server.url);
        }
        expect(after.total).toBeGreaterThan(before.total);
      } finally {
        await server.stop();
      }
    },
    120_000,
  );
});
