import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '@sitrep/store/config';
import { openStore } from '@sitrep/store/store';
import { ingest, inputsFromPaths } from '../src/ingest.ts';
import { table } from './table.ts';

const FAKES = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);

/**
 * What `sitrep ingest` does end to end over the FA-KES CSV (804 real articles): read,
 * extract, validate, store (with the reference records the articles name), recluster — with extraction in this thread (jobs 1) and in a pool
 * of worker threads (jobs 2), side by side, each into a fresh store, rounds interleaved, wall
 * time. The dataset is never copied into the repo; without it, this part says so and is skipped.
 */
export async function benchExtractIngest(
  engines: [string, () => Promise<StoreConfig>][],
  rounds = 3,
): Promise<string> {
  if (!existsSync(FAKES)) return `\n(FA-KES not found at ${FAKES}: extraction + ingest not measured)\n`;
  const rows: (string | number)[][] = [];
  for (const [name, freshConfig] of engines) {
    const seconds = new Map<number, number[]>([
      [1, []],
      [2, []],
    ]);
    let stored = { articles: 0, failed: 0, events: 0 };
    for (let round = 0; round < rounds; round++)
      for (const jobs of [1, 2]) {
        const store = await openStore(await freshConfig());
        const t = performance.now();
        const summary = await ingest(store, inputsFromPaths([FAKES]), { jobs });
        (seconds.get(jobs) as number[]).push((performance.now() - t) / 1000);
        const counts = await store.counts();
        await store.close();
        stored = {
          articles: summary.new + summary.changed + summary.unchanged,
          failed: summary.failed,
          events: counts.events,
        };
      }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const serial = median(seconds.get(1) as number[]);
    for (const jobs of [1, 2]) {
      const s = median(seconds.get(jobs) as number[]);
      rows.push([
        name,
        jobs,
        stored.articles,
        stored.failed,
        stored.events,
        (stored.articles / s).toFixed(0),
        s.toFixed(2),
        (serial / s).toFixed(2),
      ]);
    }
  }
  return `\n### sitrep ingest over FA-KES (read + extract + validate + store + recluster)\n\nMedian of ${rounds} interleaved rounds, wall time, load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end.\n\n${table(
    ['engine', 'jobs', 'articles', 'failed', 'events stored', 'articles/s', 'seconds', 'speed-up'],
    rows,
  )}\n`;
}
