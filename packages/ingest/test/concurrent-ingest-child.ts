// A separate process for concurrent-clustering.test.ts: ingests the extracted records in the
// JSON Lines file given into the store given, clustering after every small batch, so its
// clustering steps interleave with another process doing the same. Prints its summary as JSON.
import { readFileSync } from 'node:fs';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { StoreConfig } from '@sitrep/store/config';
import { openStore } from '@sitrep/store/store';
import { ingest } from '../src/ingest.ts';

const [configJson, recordsFile] = process.argv.slice(2);
const store = await openStore(JSON.parse(configJson!) as StoreConfig);
const records = readFileSync(recordsFile!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ExtractedArticle);
try {
  const summary = await ingest(
    store,
    records.map((record) => ({ ok: true as const, record })),
    { batchSize: 4, clusterEvery: 'batch' },
  );
  console.log(JSON.stringify(summary));
} finally {
  await store.close();
}
