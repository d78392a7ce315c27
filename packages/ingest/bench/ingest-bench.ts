/**
 * `npm run bench` in packages/ingest: `sitrep ingest`'s whole path (read + extract + validate +
 * store + cluster) over the 804 FA-KES articles, on SQLite and PostgreSQL, extraction in one
 * thread and in a pool of two, when `../shared/datasets/fa-kes` is present. `BENCH_ENGINES=sqlite`
 * or `postgres` for one engine. `npm run bench:cluster`: one article's incremental clustering
 * step against a full recluster, at 10k and 100k stored mentions. Prints Markdown tables.
 */
import type { StoreConfig } from '@sitrep/store/config';
import { engineCases } from '@sitrep/store/test-engines';
import { benchExtractIngest } from './extract-ingest.ts';

// The store's test engines: fresh SQLite files in a temp folder, a PostgreSQL schema per store
// (dropped by cleanup), and a clear line when PostgreSQL is unreachable.
const cases = await engineCases();
const wanted = process.env.BENCH_ENGINES;
const engines: [string, () => Promise<StoreConfig>][] = [];
for (const engine of cases) {
  if (wanted && wanted !== engine.name)
    console.error(`[bench] BENCH_ENGINES=${wanted}: ${engine.name} left out`);
  else if (engine.skip) console.error(`[bench] ${engine.skip}: left out`);
  else
    engines.push([
      engine.name === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      async () => {
        // the default pool, as `sitrep ingest` opens it (the test engines ask for 4)
        const { poolSize: _, ...config } = (await engine.config()) as StoreConfig & { poolSize?: number };
        return config as StoreConfig;
      },
    ]);
}
try {
  console.log(await benchExtractIngest(engines));
} finally {
  for (const engine of cases) await engine.cleanup();
}
