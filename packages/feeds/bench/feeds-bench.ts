/**
 * `npm run bench` in packages/feeds: items per second end to end through what `sitrep watch
 * --once` runs (pollCycle: fetch the feed, fetch each page, Readability, extraction, store,
 * clustering) against the fixture server on 127.0.0.1, into a fresh SQLite store (and
 * PostgreSQL with BENCH_ENGINES=postgres or all), and where the time goes: each stage also run
 * alone over the same items. Wall time and this process's CPU time (user+sys), medians of
 * BENCH_RUNS runs (default 3). BENCH_ITEMS sets the feed's size (default 200). The server runs in
 * this process, so its CPU is counted too: a real site's is not.
 */
import { cpuUsage } from 'node:process';
import { extractArticle } from '@sitrep/extract/extract-article';
import type { RawArticle } from '@sitrep/extract/read';
import { ingest } from '@sitrep/ingest/ingest';
import { engineCases } from '@sitrep/store/test-engines';
import { defaultFeedsConfig } from '../src/config.ts';
import { decodeBody } from '../src/fetch/decode-body.ts';
import { HttpFetcher } from '../src/fetch/http-fetcher.ts';
import { articleFromPage } from '../src/item/entry-article.ts';
import { readPage } from '../src/page/read-page.ts';
import { readFeed } from '../src/parse/read-feed.ts';
import { pollCycle } from '../src/watch/poll-cycle.ts';
import { FixtureServer } from '../test/fixture-server.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite').split(',');
const config = { ...defaultFeedsConfig(), hostDelayMs: 0, maxItemsPerPoll: ITEMS };

interface Sample {
  wallMs: number;
  cpuMs: number;
}

async function measure(run: () => Promise<unknown>): Promise<Sample> {
  const cpu = cpuUsage();
  const start = performance.now();
  await run();
  const used = cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const server = new FixtureServer();
server.manyCount = ITEMS;
await server.start();
const feedUrl = server.url('/feeds/many.xml');
const fetcher = () =>
  new HttpFetcher({ userAgent: config.userAgent, timeoutMs: 20_000, maxRedirects: 5, hostDelayMs: 0 });

// The stages alone, over the same items.
const feed = readFeed(server.manyFeed(), feedUrl);
let pages: { url: string; html: string }[] = [];
let raws: RawArticle[] = [];
const stages: [string, () => Promise<unknown>][] = [
  [
    'fetch the feed and every page (HTTP on loopback)',
    async () => {
      const f = fetcher();
      await f.fetch(feedUrl, { accept: '*/*', maxBytes: config.feedBytes });
      pages = [];
      for (const e of feed.entries) {
        const got = await f.fetch(e.url as string, { accept: 'text/html', maxBytes: config.pageBytes });
        if (got.status === 'ok') pages.push({ url: got.url, html: decodeBody(got.body, got.contentType) });
      }
    },
  ],
  [
    'parse the feed (feedsmith)',
    async () => {
      readFeed(server.manyFeed(), feedUrl);
    },
  ],
  [
    'read each page (linkedom + Readability)',
    async () => {
      raws = pages.map((p, i) => {
        const reading = readPage(p.html, p.url);
        if (!reading.ok) throw new Error(reading.reason);
        return articleFromPage(
          feed.entries[i]!,
          { feedUrl, outlet: 'Bench', language: null },
          reading.article,
          p.url,
        );
      });
    },
  ],
  [
    'extract each article (@sitrep/extract)',
    async () => {
      for (const raw of raws) extractArticle(raw);
    },
  ],
];

// The pipeline alone over the articles read: extraction + store + clustering, into SQLite.
const ingestCases = await engineCases();
const sqlite = ingestCases.find((c) => c.name === 'sqlite')!;
stages.push([
  'ingest the read articles (extract, store, cluster) into sqlite',
  async () => {
    const store = await sqlite.open();
    await ingest(
      store,
      raws.map((raw) => ({ ok: true as const, raw })),
      { jobs: 1, batchSize: 20 },
    );
  },
]);

const rows: string[] = [];
// One unmeasured pass first, so every stage is timed warm (JIT, the extractor's data loaded).
for (const [, run] of stages) await run();
for (const [name, run] of stages) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await measure(run));
  rows.push(row(name, samples));
}

const cases = await engineCases();
try {
  for (const engine of cases) {
    if (!ENGINES.includes(engine.name) && !ENGINES.includes('all')) continue;
    if (engine.skip) {
      console.error(`[bench] ${engine.skip}: left out`);
      continue;
    }
    const samples: Sample[] = [];
    for (let i = -1; i < RUNS; i++) {
      const store = await engine.open();
      await store.feeds.add({ url: feedUrl }, new Date().toISOString());
      const sample = await measure(async () => {
        const summary = await pollCycle(store, { config, all: true, ingest: { jobs: 1, batchSize: 20 } });
        if (summary.new !== ITEMS) throw new Error(`expected ${ITEMS} new articles, got ${summary.new}`);
      });
      if (i >= 0) samples.push(sample); // run -1 warms up
    }
    rows.push(row(`**end to end: watch --once's round into ${engine.name}**`, samples));
  }
} finally {
  for (const engine of [...cases, ...ingestCases]) await engine.cleanup();
  await server.close();
}

function row(name: string, samples: Sample[]): string {
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = median(samples.map((s) => s.cpuMs));
  return `| ${name} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${((ITEMS * 1000) / wall).toFixed(1)} | ${(cpu / ITEMS).toFixed(2)} |`;
}

console.log(
  `\n${ITEMS} items, median of ${RUNS} runs; load average ${(await import('node:os'))
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}\n`,
);
console.log('| stage | wall ms | CPU ms | items/s (wall) | CPU ms per item |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
