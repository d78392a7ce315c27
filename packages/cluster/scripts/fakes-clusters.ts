// Clusters all of FA-KES as a desk feeds it (each row's outlet, and its date column as the
// publication date) and prints the number of canonical events and the chemical attacks in
// Idlib on 4 April 2017. Extraction is cached in a temporary file (keyed by EXTRACTOR_VERSION),
// so comparing clusterings costs seconds. `--dump FILE` writes each cluster's member event ids
// (one cluster a line) to compare two clusterings with scripts/compare-clusterings.ts.
// Usage: npx tsx scripts/fakes-clusters.ts [--dump FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorById } from '@sitrep/extract/actors';
import { extractArticle } from '@sitrep/extract/extract-article';
import { EXTRACTOR_VERSION } from '@sitrep/extract/extractor-version';
import { ancestorsOf, places } from '@sitrep/extract/gazetteer';
import { readInputs } from '@sitrep/extract/read';
import { canonicalEvent } from '../src/canonical-event.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import { type EventMention, mentionsFromArticle } from '../src/event-mention.ts';
import { namesakeRegions } from '../src/namesake-regions.ts';
import { FAKES_CSV, fakesPresent } from '../test/extracted-articles.ts';

if (!fakesPresent) {
  console.error(`FA-KES is absent at ${FAKES_CSV}: see ../shared/datasets/fa-kes/README.md`);
  process.exit(1);
}
const cache = join(tmpdir(), `sitrep-fakes-mentions-${EXTRACTOR_VERSION}.json`);
let mentions: (EventMention & { unitId: string })[];
if (existsSync(cache)) mentions = JSON.parse(readFileSync(cache, 'utf8'));
else {
  mentions = [];
  for await (const item of readInputs([FAKES_CSV])) {
    if (!item.ok) continue;
    const { raw } = item;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.hints.publishedAt ?? '');
    raw.meta.publishedAt = m ? `${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}` : null;
    raw.hints.publishedAt = null;
    const unitId = raw.origin.externalId ?? '';
    for (const mention of mentionsFromArticle(extractArticle(raw))) mentions.push({ ...mention, unitId });
  }
  writeFileSync(cache, JSON.stringify(mentions));
}
const state = createClusterState({
  ancestorsOf: (id) => ancestorsOf(id).map((p) => p.id),
  actorKindOf: (id) => actorById(id)?.kind ?? null,
  namesakeRegionOf: namesakeRegions(places()),
});
addMentions(state, mentions);
console.log(`FA-KES: ${mentions.length} mentions, ${state.clusters.size} canonical events`);
const day = '2017-04-04';
const idlib = new Set(['place:sy:khan-sheikhoun', 'place:sy:gov:idleb', 'place:sy:idleb']);
const chem = [...state.clusters.keys()]
  .map((id) => canonicalEvent(state, id))
  .filter((e) => e.kind === 'chemical_attack' && idlib.has(e.location?.placeId ?? ''))
  .filter((e) => e.occurred.start !== null && e.occurred.start <= day && (e.occurred.end ?? '') >= day)
  .filter((e) => ['day', 'week', 'reported'].includes(e.occurred.precision))
  .sort((a, b) => b.corroboration.outlets - a.corroboration.outlets);
for (const e of chem)
  console.log(
    `  ${e.id} ${e.location?.name} ${e.occurred.start}..${e.occurred.end} ${e.occurred.precision}: ` +
      `${e.mentions.length} reports, ${e.corroboration.outlets} outlets, killed ${JSON.stringify(e.figures.killed ? [e.figures.killed.low, e.figures.killed.best, e.figures.killed.high] : null)}`,
  );
const dump = process.argv.indexOf('--dump');
if (dump > 0) {
  const unitOf = new Map(mentions.map((m) => [m.id, m.unitId]));
  const lines = [...state.clusters.values()].map((ids) =>
    ids.map((id) => `${id}@${unitOf.get(id)}`).join(' '),
  );
  writeFileSync(process.argv[dump + 1] as string, `${lines.sort().join('\n')}\n`);
}
