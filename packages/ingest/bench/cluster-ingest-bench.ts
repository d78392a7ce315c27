// npm run bench:cluster — the cost of keeping canonical events up to date when one article
// arrives in a store of 10k and 100k synthetic event mentions: the incremental step ingest
// now runs (clusterArticles: the article's neighbourhood only) against a full recluster
// (reclusterStore: read every mention, cluster all, write all — what every ingest used to do).
// SQLite in a temp folder. CPU time (process.cpuUsage, this process: SQLite runs in it) beside
// wall time, because the machine is shared; read the ratios.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@sitrep/store/store';
import { type SyntheticOptions, syntheticArticle, syntheticArticles } from '@sitrep/store/synthetic';
import { clusterArticles } from '../src/cluster-articles.ts';
import { ingest } from '../src/ingest.ts';
import { reclusterStore } from '../src/recluster.ts';
import { table } from './table.ts';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const ARTICLES = 15;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: (string | number)[][] = [];
for (const n of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cluster-bench-'));
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'bench.db') });
  // A growing archive: more days, not more events per day and place.
  const options: SyntheticOptions = { events: n + 4 * ARTICLES, seed: 5, days: Math.ceil(n / 40) };
  const base = [...syntheticArticles({ ...options, events: n })];
  await ingest(
    store,
    base.map((record) => ({ ok: true as const, record, validated: true })),
    { batchSize: 1000, recluster: false },
  );
  const full = await timed(() => reclusterStore(store));
  const incremental: { wall: number; cpu: number; loaded: number }[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const article = syntheticArticle(options, base.length + i);
    await store.ingestArticles([article]);
    const step = await timed(() => clusterArticles(store, [article]));
    incremental.push({ wall: step.wall, cpu: step.cpu, loaded: step.value.loaded });
  }
  const inc = { wall: median(incremental.map((s) => s.wall)), cpu: median(incremental.map((s) => s.cpu)) };
  rows.push([
    n,
    full.value.canonicalEvents ?? 0,
    Math.round(full.wall),
    Math.round(full.cpu),
    inc.wall.toFixed(1),
    inc.cpu.toFixed(1),
    median(incremental.map((s) => s.loaded)),
    Math.round(full.cpu / inc.cpu),
  ]);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.error(`done ${n} (load ${loadavg()[0]!.toFixed(1)})`);
}
console.log(
  table(
    [
      'mentions',
      'canonical events',
      'full recluster wall (ms)',
      'full CPU (ms)',
      'one article incremental wall (ms)',
      'incremental CPU (ms)',
      'stored mentions read',
      'full / incremental (CPU)',
    ],
    rows,
  ),
);
console.log(
  `\nmedian of ${ARTICLES} one-article steps (4 mentions each); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
