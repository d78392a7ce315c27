// `npm run bench -w @sitrep/api`: Sitrep's HTTP throughput against a plain node:http ceiling.
// Loopback only, bounded in time: BENCH_ROUNDS rounds (default 3) of every scenario in turn,
// BENCH_SECONDS each (default 4), so a noisy neighbour hurts all scenarios alike; the table
// shows medians over rounds. Each server runs in its own process; autocannon runs here.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '@sitrep/store/store';
import {
  syntheticActors,
  syntheticArticles,
  syntheticOutlets,
  syntheticPlaces,
} from '@sitrep/store/synthetic';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
// `BENCH_ONLY="fast path"`: only the scenarios whose name contains it (the ceiling always runs)
const ONLY = process.env.BENCH_ONLY ?? '';
// The events query: first 20 with article, place and casualties (no totalCount: it is a
// second SQL statement, measured apart in the README).
const EVENTS_QUERY = `{ events(first: 20) { edges { node { slug kind summary occurred { start precision }
  article { headline outletName publishedAt { date } }
  location { name place { name coordinates { lat lon } } }
  casualties { killed { best low high civilians children } injured { best } } } } } }`;
const COUNTED_QUERY = EVENTS_QUERY.replace('{ events(first: 20) {', '{ events(first: 20) { totalCount');
// The same page at 200 different places in the 10k events (a client paging): each request runs
// the page query after a cursor and the probe for the rows before it.
const PAGED_QUERY = EVENTS_QUERY.replace(
  '{ events(first: 20) {',
  'query($after: String) { events(first: 20, after: $after) {',
);
const TYPENAME_QUERY = '{ __typename }';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const dbFile = join(dir, 'sitrep.db');
const children: ChildProcess[] = [];

async function main() {
  const store = await openStore({ engine: 'sqlite', file: dbFile });
  await store.upsertPlaces(syntheticPlaces());
  await store.upsertActors(syntheticActors());
  await store.upsertOutlets(syntheticOutlets());
  await store.ingestArticles([...syntheticArticles({ events: 10_000, seed: 11 })]);
  await store.close();
  console.log(
    `synthetic store: 10,000 events; ${ROUNDS} rounds × ${SECONDS}s per scenario, ${CONNECTIONS} connections, loopback; medians\n`,
  );

  const uncached = await server('sitrep');
  const cached = await server('sitrep-cached');
  const yogaOnly = await server('sitrep-yoga-only');
  const eventsBody = await answer(uncached, EVENTS_QUERY);
  await answer(uncached, COUNTED_QUERY); // fails loudly if the query errs, as autocannon would not
  const bodyFile = join(dir, 'events-body.json');
  writeFileSync(bodyFile, eventsBody);
  const ceiling = await server('ceiling', bodyFile);
  const cursors = await pageCursors(uncached, 200);

  const scenarios: [string, Server, string | string[]][] = [
    ['node:http, fixed events JSON (ceiling)', ceiling, EVENTS_QUERY],
    ['Sitrep events(first: 20), cache off', uncached, EVENTS_QUERY],
    ['Sitrep events(first: 20), cache off, no fast path', yogaOnly, EVENTS_QUERY],
    ['Sitrep events(first: 20), cache on', cached, EVENTS_QUERY],
    ['Sitrep events(first: 20) + totalCount, cache off', uncached, COUNTED_QUERY],
    ['Sitrep events(first: 20) + totalCount, cache off, no fast path', yogaOnly, COUNTED_QUERY],
    ['Sitrep events(first: 20, after: 200 cursors), cache off', uncached, cursors],
    ['Sitrep events(first: 20, after: 200 cursors), cache off, no fast path', yogaOnly, cursors],
    ['Sitrep { __typename }, cache off', uncached, TYPENAME_QUERY],
    ['Sitrep { __typename }, cache off, no fast path', yogaOnly, TYPENAME_QUERY],
    ['Sitrep { __typename }, cache on', cached, TYPENAME_QUERY],
  ];
  const chosen = scenarios.filter(([name], i) => i === 0 || name.includes(ONLY));
  const runs: Row[][] = chosen.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, [name, target, query]] of chosen.entries())
      runs[i]!.push(await measure(name, target, query));
  const rows = runs.map(medianRow);
  print(rows, rows[0]!);
  fastPathGain(rows);
}

/** What the uncached fast path earns: server CPU per request without it over with it. */
function fastPathGain(rows: Row[]) {
  console.log('\nuncached fast path (server CPU µs/req, medians): without / with');
  for (const r of rows.filter((row) => row.name.endsWith(', no fast path'))) {
    const name = r.name.replace(', no fast path', '');
    const fast = rows.find((row) => row.name === name);
    if (fast) console.log(`${name}: ${(r.cpuMicros / fast.cpuMicros).toFixed(2)}×`);
  }
}

/** Bodies for `count` pages spread over the whole store, each after a real cursor. */
async function pageCursors(target: Server, count: number): Promise<string[]> {
  const bodies: string[] = [];
  let after: string | null = null;
  while (bodies.length < count) {
    const res: Response = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($after: String) { events(first: 50, after: $after) { pageInfo { endCursor } } }',
        variables: { after },
      }),
    });
    after = ((await res.json()) as { data: { events: { pageInfo: { endCursor: string } } } }).data.events
      .pageInfo.endCursor;
    bodies.push(JSON.stringify({ query: PAGED_QUERY, variables: { after } }));
  }
  return bodies;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function medianRow(rows: Row[]): Row {
  return {
    name: rows[0]!.name,
    rps: median(rows.map((r) => r.rps)),
    p50: median(rows.map((r) => r.p50)),
    p99: median(rows.map((r) => r.p99)),
    cpuMicros: median(rows.map((r) => r.cpuMicros)),
    errors: rows.reduce((n, r) => n + r.errors, 0),
  };
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** the server's CPU time (user + system, all its threads) per answered request */
  cpuMicros: number;
  errors: number;
}

interface Server {
  port: number;
  cpuMicros(): Promise<number>;
}

async function measure(name: string, target: Server, query: string | string[]): Promise<Row> {
  const bodies = (Array.isArray(query) ? query : [query]).map((q) =>
    q.startsWith('{"') ? q : JSON.stringify({ query: q }),
  );
  let next = 0;
  const options = {
    url: `http://127.0.0.1:${target.port}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: bodies[0]!,
    connections: CONNECTIONS,
    ...(bodies.length > 1
      ? {
          requests: [
            {
              setupRequest: (request: Record<string, unknown>) => ({
                ...request,
                body: bodies[next++ % bodies.length]!,
              }),
            },
          ],
        }
      : {}),
  };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, caches, V8
  const cpuBefore = await target.cpuMicros();
  const r = await autocannon({ ...options, duration: SECONDS });
  const cpu = (await target.cpuMicros()) - cpuBefore;
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMicros: cpu / Math.max(1, r.requests.total),
    errors: r.errors + r.non2xx,
  };
}

function print(rows: Row[], ceiling: Row) {
  console.log(
    '| scenario | req/s | p50 ms | p99 ms | of ceiling (req/s) | server CPU µs/req | of ceiling (CPU) | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${((100 * r.rps) / ceiling.rps).toFixed(1)}% | ${Math.round(r.cpuMicros)} | ${((100 * ceiling.cpuMicros) / r.cpuMicros).toFixed(1)}% | ${r.errors} |`,
    );
}

async function answer(target: Server, query: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  if (!res.ok || text.includes('"errors"')) throw new Error(`bench query failed: ${text.slice(0, 500)}`);
  return text;
}

function server(mode: string, bodyFile?: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./bench-server.ts', import.meta.url).pathname,
      mode,
      dbFile,
      ...(bodyFile ? [bodyFile] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  children.push(child);
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { cpuMicros: number }).cpuMicros));
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ port: (JSON.parse(line) as { port: number }).port, cpuMicros }),
    );
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  });
