// A process that re-ingests changed articles round after round, as `sitrep ingest` beside a
// serving API does: `node --import tsx reingest-rounds.ts '<store config JSON>' '<corpus JSON>'
// <count>`. Each round gives the first `count` synthetic articles another text through the real
// pipeline, clustering after every batch, so their events and the canonical events holding them
// are replaced. It prints `round N` after each and stops after the round in which stdin closes.
import { ingest } from '@sitrep/ingest/ingest';
import { openStore } from '@sitrep/store/store';
import { type SyntheticOptions, syntheticArticle } from '@sitrep/store/synthetic';

const [configJson, corpusJson, countText] = process.argv.slice(2);
const corpus = JSON.parse(corpusJson!) as SyntheticOptions;
const count = Number(countText);
const store = await openStore(JSON.parse(configJson!));
let stopping = false;
process.stdin.on('end', () => {
  stopping = true;
});
process.stdin.resume();
for (let round = 1; !stopping && round <= 1000; round++) {
  const items = Array.from({ length: count }, (_, i) => ({
    ok: true as const,
    record: syntheticArticle(corpus, i, round),
  }));
  await ingest(store, items, { jobs: 1, clusterEvery: 'batch', batchSize: 4 });
  console.log(`round ${round}`);
}
await store.close();
