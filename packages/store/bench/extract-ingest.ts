import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../src/config.ts';
import { ingestItems } from '../src/ingest.ts';
import { seedReferenceData } from '../src/seed-reference-data.ts';
import { openStore } from '../src/store.ts';
import { table } from './measure.ts';

const FAKES = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);

/**
 * What `sitrep ingest` does end to end over the FA-KES CSV (804 real articles): read,
 * extract, validate, store. The dataset is never copied into the repo; without it, this part
 * says so and is skipped.
 */
export async function benchExtractIngest(engines: [string, StoreConfig][]): Promise<string> {
  if (!existsSync(FAKES)) return `\n(FA-KES not found at ${FAKES}: extraction + ingest not measured)\n`;
  const { extractedItems } = await import('../src/extract-items.ts');
  const rows: (string | number)[][] = [];
  for (const [name, config] of engines) {
    const store = await openStore(config);
    await seedReferenceData(store);
    const t = performance.now();
    const summary = await ingestItems(store, extractedItems([FAKES]));
    const seconds = (performance.now() - t) / 1000;
    const counts = await store.counts();
    await store.close();
    const n = summary.new + summary.changed + summary.unchanged;
    rows.push([name, n, summary.failed, counts.events, (n / seconds).toFixed(0), seconds.toFixed(1)]);
  }
  return `\n### sitrep ingest over FA-KES (read + extract + validate + store)\n\n${table(
    ['engine', 'articles', 'failed', 'events stored', 'articles/s', 'seconds'],
    rows,
  )}\n`;
}
