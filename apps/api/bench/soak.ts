// `npm run soak -w @sitrep/api`: mixed queries against `sitrep serve` (cache on and cache off,
// side by side) while `sitrep ingest` re-ingests FA-KES in another process, on SQLite and on
// PostgreSQL (SOAK_FRESH=1: the window's first ingest loads FA-KES into a store without it).
// Bounded: SOAK_SECONDS (default 60) of load in all, split between the engines; loopback only.
// Reports req/s, p99, errors (HTTP and GraphQL) and each server's memory: RSS and live heap
// after a full garbage collection at the window's start (after SOAK_WARM_UP seconds, default 5,
// of the same queries) and end, and the RSS peak between collections (bench/memory-probe.ts says
// why both); exits 1 when a client saw an error, or RSS or the live heap after a full collection
// grew by more than 10 % (the issue's "RSS flat within 10 %").
// SOAK_ENGINES=sqlite,postgres and SOAK_CACHE=on,off choose the servers.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type Memory, memoryProbe } from './memory-probe.ts';
import { SOAK_QUERIES } from './soak-queries.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 10);
const PG_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FAKES =
  process.env.SOAK_FAKES ??
  fileURLToPath(new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url));
const SITREP = fileURLToPath(new URL('../../cli/bin/sitrep.js', import.meta.url));
const API_MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
/**
 * What a server may do before the window opens. It opens the pool's 10 PostgreSQL connections
 * with the first 10 requests, fills its parse/validation, cost-check and graphql-jit caches once
 * per query (7 queries), its record cache once per record the pages show, and V8 optimises the hot
 * paths within a few hundred executions. At the slowest rate seen on this machine (~40 req/s
 * uncached at load 16) 5 s is ~200 requests, each query ~30 times; the live heap after a full
 * collection is then where it stays (85.9 → 86.9 MB over 60 s), so the window measures the
 * running server, not its start.
 */
const WARM_UP_SECONDS = Number(process.env.SOAK_WARM_UP ?? 5);
const FRESH = process.env.SOAK_FRESH === '1';
/** engines and cache settings to run (a probe of one server runs it alone): default all */
const ENGINES = (process.env.SOAK_ENGINES ?? 'sqlite,postgres').split(',');
const CACHES = (process.env.SOAK_CACHE ?? 'on,off').split(',') as ('on' | 'off')[];

const children = new Set<ChildProcess>();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-soak-'));
/**
 * SOAK_PROBE_DIR: keep the probe's files there (each API's memory every 5 s in <pid>.tsv: seconds,
 * rss, heapTotal, heapUsed, external, arrayBuffers in MB); SOAK_HEAP=1 with it: a heap snapshot
 * at the window's start and end too, for bench/heap-diff.ts (they pause the server for seconds)
 */
const probe = memoryProbe(process.env.SOAK_PROBE_DIR ?? dir, {
  log: Boolean(process.env.SOAK_PROBE_DIR),
  heap: process.env.SOAK_HEAP === '1',
});
const pgSchema = `sitrep_soak_${randomBytes(4).toString('hex')}`;

interface Row {
  engine: string;
  cache: string;
  rps: number;
  p99: number;
  httpErrors: number;
  graphqlErrors: number;
  /** after a full garbage collection at the window's start and end (memory-probe.ts says why) */
  start: Memory;
  end: Memory;
  /** the highest RSS sampled each second in the window */
  rssMax: number;
}

async function main(): Promise<number> {
  if (!existsSync(FAKES)) throw new Error(`FA-KES not found at ${FAKES} (set SOAK_FAKES)`);
  const pgUp = await listening(new URL(PG_URL));
  const engines: [string, Record<string, string>][] = [];
  if (ENGINES.includes('sqlite'))
    engines.push(['SQLite', { SITREP_DB: join(dir, 'soak.db'), DATABASE_URL: '' }]);
  if (ENGINES.includes('postgres') && pgUp)
    engines.push(['PostgreSQL', { DATABASE_URL: PG_URL, SITREP_PG_SCHEMA: pgSchema }]);
  else if (ENGINES.includes('postgres'))
    console.log(`PostgreSQL skipped: nothing listens at ${PG_URL} (set SOAK_DATABASE_URL)`);
  const seconds = Math.max(5, Math.floor(SECONDS / engines.length));
  console.log(
    `${seconds}s of load per engine after a ${WARM_UP_SECONDS}s warm-up, ${CONNECTIONS} connections per server, ${SOAK_QUERIES.length} queries in turn, ${FRESH ? 'FA-KES loaded during the window' : 'FA-KES re-ingested during the window'}; load: ${loadAverage()}\n`,
  );
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const [engine, env] of engines) {
    // FA-KES is in the store before the clock starts, so the window sees re-ingests; with
    // SOAK_FRESH=1 it holds only the corpus and the window's first ingest loads all of FA-KES
    await cli(env, ['ingest', '--no-progress', CORPUS, ...(FRESH ? [] : [FAKES])]);
    const servers = await Promise.all(
      CACHES.map((cache) =>
        startApi({ ...env, NODE_ENV: 'production', SITREP_RESPONSE_CACHE: String(cache === 'on') }),
      ),
    );
    await Promise.all(servers.map((s) => load(s.port, WARM_UP_SECONDS, new Map())));
    const start = await Promise.all(servers.map((s) => probe.settled(s.child)));
    const rssMax = start.map((m) => m.rss);
    const timelines = start.map((m) => [m.rss]);
    const sampler = setInterval(() => {
      servers.forEach((s, i) => {
        const now = rss(s.child);
        rssMax[i] = Math.max(rssMax[i]!, now);
        timelines[i]!.push(now);
      });
    }, 1000);
    const ingests = ingestLoop(env);
    const messages = servers.map(() => new Map<string, number>());
    const results = await Promise.all(servers.map((s, i) => load(s.port, seconds, messages[i]!)));
    clearInterval(sampler);
    notes.push(`${engine}: ${(await ingests.stop()).join('; ')}`);
    const end = await Promise.all(servers.map((s) => probe.settled(s.child)));
    servers.forEach((_, i) => {
      const r = results[i]!;
      const cache = CACHES[i]!;
      const graphqlErrors = [...messages[i]!.values()].reduce((n, c) => n + c, 0);
      for (const [message, count] of messages[i]!)
        notes.push(`${engine}, cache ${cache}: ${count} × ${message}`);
      notes.push(`${engine}, cache ${cache}: RSS every tenth of the window ${tenths(timelines[i]!)} MB`);
      rows.push({
        engine,
        cache,
        rps: r.requests.average,
        p99: r.latency.p99,
        httpErrors: r.errors + r.non2xx,
        graphqlErrors,
        start: start[i]!,
        end: end[i]!,
        rssMax: rssMax[i]!,
      });
    });
    await Promise.all(servers.map((s) => stop(s.child)));
  }
  print(rows, notes);
  // The exit status follows what a client sees and what the server keeps: RSS and the live heap
  // after a full collection, read once the collection's freed pages are unmapped (memory-probe.ts).
  const failed = rows.filter(
    (r) =>
      r.httpErrors + r.graphqlErrors > 0 ||
      r.end.rss > r.start.rss * 1.1 ||
      r.end.heapUsed > r.start.heapUsed * 1.1,
  );
  console.log(
    failed.length === 0
      ? '\ntargets met: no errors to clients; RSS and live heap after a full collection within 10 % of their start'
      : `\ntargets missed by: ${failed.map((r) => `${r.engine} cache ${r.cache}`).join(', ')}`,
  );
  return failed.length === 0 ? 0 : 1;
}

/** autocannon over the mixed queries; GraphQL errors in 200 answers are counted by message. */
function load(port: number, seconds: number, messages: Map<string, number>) {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: SOAK_QUERIES[next++ % SOAK_QUERIES.length] }),
        onResponse: (_status, body) => {
          if (!body.includes('"errors"')) return;
          const parsed = JSON.parse(body) as { errors?: { message: string }[] };
          for (const error of parsed.errors ?? [])
            messages.set(error.message, (messages.get(error.message) ?? 0) + 1);
        },
      },
    ],
  });
}

/** `sitrep ingest` of FA-KES over and over until stopped; the first run loads it, later runs re-ingest. */
function ingestLoop(env: Record<string, string>) {
  let stopping = false;
  let current: ChildProcess | null = null;
  const lines: string[] = [];
  const done = (async () => {
    while (!stopping) {
      const started = Date.now();
      const { code, last, child } = cliRun(env, ['ingest', '--no-progress', FAKES]);
      current = child;
      const exit = await code;
      if (stopping) lines.push(`ingest stopped after ${((Date.now() - started) / 1000).toFixed(0)}s`);
      else lines.push(`ingest in ${((Date.now() - started) / 1000).toFixed(0)}s: ${last()} (exit ${exit})`);
    }
  })();
  return {
    async stop() {
      stopping = true;
      current?.kill('SIGTERM');
      await done;
      return lines;
    },
  };
}

function cliRun(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [SITREP, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const code = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      children.delete(child);
      resolve(c);
    }),
  );
  return { child, code, last: () => output.trim().split('\n').at(-1) ?? '' };
}

async function cli(env: Record<string, string>, args: string[]): Promise<void> {
  const run = cliRun(env, args);
  // FA-KES holds one id under two texts, which ingest refuses (exit 1) after storing the rest:
  // a run that reached its count line did its work.
  const code = await run.code;
  if (code !== 0 && !/\d+ new, \d+ changed/.test(run.last()))
    throw new Error(`sitrep ${args.join(' ')} failed: ${run.last()}`);
}

/** `sitrep serve`'s API process (what `sitrep serve` spawns), on a free loopback port. */
function startApi(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [...probe.nodeArgs, '--import', 'tsx', API_MAIN, '--port', '0'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /:(\d+)\/graphql/.exec(line)?.[1];
      if (port) resolve({ port: Number(port), child });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    children.delete(child);
  });
}

/** The RSS samples at 0 %, 10 %, … 100 % of the window. */
function tenths(samples: readonly number[]): string {
  return Array.from({ length: 11 }, (_, k) =>
    samples[Math.round((k * (samples.length - 1)) / 10)]!.toFixed(0),
  ).join(' ');
}

/** Resident memory in MB, as ps reports it. */
function rss(child: ChildProcess): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).trim());
  return kb / 1024;
}

function loadAverage(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' })
      .trim()
      .replace(/^.*load average:\s*/, '');
  } catch {
    return 'unknown';
  }
}

function print(rows: Row[], notes: string[]) {
  const pct = (from: number, to: number) => `${((100 * (to - from)) / from).toFixed(1)} %`;
  console.log(
    '| engine | cache | req/s | p99 ms | HTTP errors | GraphQL errors | RSS after full GC, start → end MB | growth | live heap start → end MB | RSS peak MB (between GCs) |',
  );
  console.log('|---|---|---:|---:|---:|---:|---|---:|---|---:|');
  for (const r of rows)
    console.log(
      `| ${r.engine} | ${r.cache} | ${Math.round(r.rps)} | ${r.p99} | ${r.httpErrors} | ${r.graphqlErrors} | ${r.start.rss.toFixed(0)} → ${r.end.rss.toFixed(0)} | ${pct(r.start.rss, r.end.rss)} | ${r.start.heapUsed.toFixed(0)} → ${r.end.heapUsed.toFixed(0)} | ${r.rssMax.toFixed(0)} (${pct(r.start.rss, r.rssMax)}) |`,
    );
  console.log(`\nload after: ${loadAverage()}`);
  for (const note of notes) console.log(`- ${note}`);
}

function listening(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 5432), timeout: 1000 });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

main()
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  )
  .finally(() => {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
    try {
      execFileSync('psql', [PG_URL, '-qc', `DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`], { stdio: 'ignore' });
    } catch {
      // PostgreSQL skipped, or psql missing: nothing to drop, or the schema stays, named for this run
    }
  });
