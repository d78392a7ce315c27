import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '@sitrep/store/config';
import { openStore } from '@sitrep/store/store';
import {
  type SyntheticOptions,
  syntheticActors,
  syntheticArticle,
  syntheticOutlets,
  syntheticPlaces,
} from '@sitrep/store/synthetic';
import { afterAll, describe, expect, it } from 'vitest';
import { reachable, startApiProcess } from './api-process.ts';

// Issue 20 item 12: with `sitrep ingest` running beside `sitrep serve`, uncached pages answered
// "Cannot return null for non-nullable field …": an ingest that replaces a changed article
// deletes its old events in one transaction, and the clustering step that takes them out of
// their canonical events commits later (after every batch, in a run). A read in between found
// canonical events naming events that were gone. Here the real `sitrep ingest` re-ingests
// changed articles round after round (small batches, so each run has many commits before its
// clustering step) while the real API, uncached, pages through canonical events with every
// report's event and article. Every answer must be whole. Bounded: ROUNDS ingests, and reads
// stop with the last one or after MAX_PAGES requests.
const SITREP = fileURLToPath(new URL('../../cli/bin/sitrep.js', import.meta.url));
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pg = new URL(DATABASE_URL);
const pgUp = await reachable(pg.hostname, Number(pg.port || 5432));
if (!pgUp && process.env.CI) throw new Error(`PostgreSQL (${DATABASE_URL}) is not reachable under CI`);

const CORPUS: SyntheticOptions = { events: 240, seed: 20, days: 6 };
const ARTICLES = CORPUS.events / 4;
/** articles given another text each round: their events go, and the canonical events naming them change */
const CHANGED = 24;
const ROUNDS = 3;
/** requests at most, however slow the ingests are on a loaded machine */
const MAX_PAGES = 3_000;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-reads-during-ingest-'));
const schema = `sitrep_reads_${randomBytes(4).toString('hex')}`;
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

const engines: { name: string; skip: boolean; env: Record<string, string>; store: StoreConfig }[] = [
  {
    name: 'SQLite',
    skip: false,
    env: { SITREP_DB: join(dir, 'sitrep.db'), DATABASE_URL: '' },
    store: { engine: 'sqlite', file: join(dir, 'sitrep.db') },
  },
  {
    name: 'PostgreSQL',
    skip: !pgUp,
    env: { DATABASE_URL, SITREP_PG_SCHEMA: schema },
    store: { engine: 'postgres', url: DATABASE_URL, schema },
  },
];

/** One round's records as `sitrep extract --format jsonl` writes them: the first `count` articles at `revision`. */
function roundFile(name: string, revision: number, count: number): string {
  const file = join(dir, `${name}-${revision}.jsonl`);
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify(syntheticArticle(CORPUS, i, revision)),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function sitrepIngest(env: Record<string, string>, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [SITREP, 'ingest', '--no-progress', '--batch-size', '2', '--extracted', file],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sitrep ingest: ${code}\n${out}`)),
    );
  });
}

const PAGE = `query($after: String) { canonicalEvents(first: 20, after: $after) {
  edges { cursor node { id kind mentions { slug article { headline } } reports { event { slug } article { headline } } } } } }`;

describe.each(engines)('reads during ingest on $name', ({ name, skip, env, store }) => {
  it.skipIf(skip)(
    'every canonical events page is whole while sitrep ingest replaces changed articles',
    { timeout: 240_000 },
    async () => {
      // the synthetic corpus's places, actors and outlets, which no gazetteer holds
      const seed = await openStore(store);
      await seed.upsertPlaces(syntheticPlaces());
      await seed.upsertActors(syntheticActors());
      await seed.upsertOutlets(syntheticOutlets());
      await seed.close();
      expect(await sitrepIngest(env, roundFile(name, 0, ARTICLES))).toMatch(`${ARTICLES} new`);
      const server = await startApiProcess({
        ...env,
        NODE_ENV: 'production',
        SITREP_RESPONSE_CACHE: 'false',
      });
      const errors = new Map<string, number>();
      let pages = 0;
      let nodes = 0;
      let writing = true;
      const reader = (async () => {
        while (writing && pages < MAX_PAGES) {
          let after: string | null = null;
          do {
            const res = await fetch(`${server.url.replace(/\/$/, '')}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: PAGE, variables: { after } }),
            });
            const body = (await res.json()) as {
              data?: { canonicalEvents?: { edges: { cursor: string; node: unknown }[] } } | null;
              errors?: { message: string }[];
            };
            pages++;
            for (const e of body.errors ?? []) errors.set(e.message, (errors.get(e.message) ?? 0) + 1);
            const edges = body.data?.canonicalEvents?.edges ?? [];
            nodes += edges.length;
            after = edges.at(-1)?.cursor ?? null;
          } while (after && writing && pages < MAX_PAGES);
        }
      })();
      try {
        for (let round = 1; round <= ROUNDS; round++)
          expect(await sitrepIngest(env, roundFile(name, round, CHANGED))).toMatch(
            `0 new, ${CHANGED} changed`,
          );
      } finally {
        writing = false;
        await reader;
        await server.stop();
      }
      expect(Object.fromEntries(errors)).toEqual({});
      expect(pages, 'pages read while the ingests ran').toBeGreaterThan(20);
      expect(nodes).toBeGreaterThan(0);
    },
  );
});
