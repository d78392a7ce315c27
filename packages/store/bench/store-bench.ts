/**
 * `npm run bench` in packages/store: ingest rates and query latencies on both engines, side by
 * side, at 10k and 100k synthetic events. Bounded to a few minutes. Prints Markdown tables.
 * (Ingest including extraction and clustering is @sitrep/ingest's bench.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreConfig } from '../src/config.ts';
import { openStore, type SitrepStore } from '../src/store.ts';
import {
  syntheticActors,
  syntheticArticle,
  syntheticArticleCount,
  syntheticOutlets,
  syntheticPlaces,
} from '../src/synthetic.ts';
import { ms, percentiles, table } from './measure.ts';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const schema = `sitrep_bench_${process.pid}`;

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const OPTIONS = { seed: 42, eventsPerArticle: 4, days: 365 };
const PLACES = ['syn-gov-aleppo', 'syn-city-aleppo', 'syn-nb-saliheen', 'syn-gov-idlib', 'syn-city-homs'];

/** Grows the store to `events` events (articles are numbered, so growth appends) and times it. */
async function grow(store: SitrepStore, from: number, to: number) {
  const options = { ...OPTIONS, events: to };
  const first = syntheticArticleCount({ ...OPTIONS, events: from });
  const last = syntheticArticleCount(options);
  let articles = 0;
  let rows = 0;
  let busy = 0;
  for (let i = first; i < last; i += 500) {
    const batch = [];
    for (let j = i; j < Math.min(last, i + 500); j++) batch.push(syntheticArticle(options, j));
    const t = performance.now();
    await store.ingestArticles(batch);
    busy += performance.now() - t;
    articles += batch.length;
    for (const a of batch) rows += 1 + a.claims.length + a.events.length * 3 + 1;
  }
  return { articlesPerSec: articles / (busy / 1000), rowsPerSec: rows / (busy / 1000) };
}

async function queries(store: SitrepStore) {
  const mid = await store.listEvents({}, { first: 1, after: null, orderBy: 'DATE_DESC', withTotal: false });
  const deepCursor = (await store.listEvents({ from: '2016-07-01' }, { first: 1, withTotal: false })).pageInfo
    .endCursor;
  const day = mid.nodes[0]!.occurred.start!;
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['events page, no filter, DATE_DESC, first 20 + totalCount', () => store.listEvents({}, { first: 20 })],
    [
      'events page, kinds + place (nested) + date range, first 20 (no count)',
      (i) =>
        store.listEvents(
          {
            kinds: ['airstrike', 'shelling', 'barrel_bomb'],
            placeId: PLACES[i % PLACES.length],
            from: '2016-03-01',
            to: '2016-09-30',
          },
          { first: 20, withTotal: false },
        ),
    ],
    [
      'events page, kinds + place (nested) + date range, first 20 + totalCount',
      (i) =>
        store.listEvents(
          {
            kinds: ['airstrike', 'shelling', 'barrel_bomb'],
            placeId: PLACES[i % PLACES.length],
            from: '2016-03-01',
            to: '2016-09-30',
          },
          { first: 20 },
        ),
    ],
    // Migration 0008's place scope. The synthetic gazetteer is all Syria, so the country is the
    // worst case (every event); a governorate as admin1 and a city by name are the usual ones.
    [
      'events page, countries ["SY"] (every event), first 20 + totalCount',
      () => store.listEvents({ countries: ['SY'] }, { first: 20 }),
    ],
    [
      'events page, admin1 ["Aleppo"] + date range, first 20 + totalCount',
      () => store.listEvents({ admin1: ['Aleppo'], from: '2016-03-01', to: '2016-09-30' }, { first: 20 }),
    ],
    [
      'findPlaceIds("aleppo") then its events page, first 20 (no count)',
      async () =>
        store.listEvents({ placeIds: await store.findPlaceIds('aleppo') }, { first: 20, withTotal: false }),
    ],
    [
      'events page from a mid-corpus cursor, first 20',
      () => store.listEvents({}, { first: 20, after: deepCursor, withTotal: false }),
    ],
    [
      'events page backwards (last 20 before the cursor)',
      () => store.listEvents({}, { last: 20, before: deepCursor, withTotal: false }),
    ],
    [
      'events by SEVERITY, minKilled 10, first 20 + totalCount',
      () => store.listEvents({ minKilled: 10 }, { first: 20, orderBy: 'SEVERITY' }),
    ],
    // The synthetic filler draws on 20 words, so "hospital" is in ~40% of documents: the worst
    // case for full text. Place names are the realistic case (each in a few % of documents).
    [
      'events page, full-text "Saliheen" (rare word), first 20 + totalCount',
      () => store.listEvents({ text: 'Saliheen' }, { first: 20 }),
    ],
    [
      'events page, full-text "hospital" (in ~40% of docs), first 20 + totalCount',
      () => store.listEvents({ text: 'hospital' }, { first: 20 }),
    ],
    [
      'search("Saliheen airstrike", 20) across articles, claims, events',
      () => store.search('Saliheen airstrike', 20),
    ],
    ['search("convoy bakery", 20), two very common words', () => store.search('convoy bakery', 20)],
    [
      'eventsByIds (50 ids, one dataloader batch)',
      async () => store.eventsByIds(mid.nodes.map((e) => e.id).concat(Array(49).fill('x'))),
    ],
    [
      'timeline by week, one place',
      (i) => store.timeline({ placeId: PLACES[i % PLACES.length], granularity: 'week' }),
    ],
    ['digestData(one day)', () => store.digestData(day)],
  ];
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, fn] of cases) out[name] = await percentiles(RUNS, fn);
  return out;
}

async function benchEngine(config: StoreConfig) {
  const store = await openStore(config);
  await store.upsertPlaces(syntheticPlaces());
  await store.upsertActors(syntheticActors());
  await store.upsertOutlets(syntheticOutlets());
  const results: {
    size: number;
    ingest: Awaited<ReturnType<typeof grow>>;
    q: Awaited<ReturnType<typeof queries>>;
  }[] = [];
  let have = 0;
  for (const size of SIZES) {
    const ingest = await grow(store, have, size);
    have = size;
    await store.optimize();
    results.push({ size, ingest, q: await queries(store) });
    console.error(`[bench] ${config.engine} at ${size} events done`);
  }
  await store.close();
  return results;
}

const engines: [string, StoreConfig][] =
  process.env.BENCH_ENGINES === 'postgres'
    ? []
    : [['SQLite', { engine: 'sqlite', file: join(dir, 'bench.db') }]];
if (process.env.BENCH_ENGINES === 'sqlite')
  console.error('[bench] BENCH_ENGINES=sqlite: PostgreSQL left out');
else if (await pgReachable()) engines.push(['PostgreSQL', { engine: 'postgres', url: PG_URL, schema }]);
else console.error(`[bench] PostgreSQL unreachable at ${PG_URL}: its column is left out`);

const all: { name: string; results: Awaited<ReturnType<typeof benchEngine>> }[] = [];
for (const [name, config] of engines) all.push({ name, results: await benchEngine(config) });

console.log(`\n### Ingest (synthetic records, 4 events each, batches of 500)\n`);
console.log(
  table(
    ['engine', 'events', 'articles/s', 'rows/s'],
    all.flatMap((e) =>
      e.results.map((r) => [
        e.name,
        r.size,
        r.ingest.articlesPerSec.toFixed(0),
        r.ingest.rowsPerSec.toFixed(0),
      ]),
    ),
  ),
);
for (const size of SIZES) {
  console.log(`\n### Queries at ${size.toLocaleString('en')} events (p50 / p95 ms, ${RUNS} runs each)\n`);
  const names = Object.keys(all[0]!.results.find((r) => r.size === size)!.q);
  console.log(
    table(
      ['query', ...all.map((e) => `${e.name} p50`), ...all.map((e) => `${e.name} p95`)],
      names.map((n) => {
        const per = all.map((e) => e.results.find((r) => r.size === size)!.q[n]!);
        return [n, ...per.map((p) => ms(p.p50)), ...per.map((p) => ms(p.p95))];
      }),
    ),
  );
}

rmSync(dir, { recursive: true, force: true });
if (engines.some(([, config]) => config.engine === 'postgres')) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}
