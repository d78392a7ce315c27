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
import { type ArticlesByKey, pairs, scorePairs, sideEvents } from '../test/labelled-pairs.ts';

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
const all = process.argv.includes('--all-kinds');
const idlib = new Set(['place:sy:khan-sheikhoun', 'place:sy:gov:idleb', 'place:sy:idleb']);
const chem = [...state.clusters.keys()]
  .map((id) => canonicalEvent(state, id))
  .filter((e) => (all || e.kind === 'chemical_attack') && idlib.has(e.location?.placeId ?? ''))
  .filter((e) => e.occurred.start !== null && e.occurred.start <= day && (e.occurred.end ?? '') >= day)
  .filter((e) => ['day', 'week', 'reported'].includes(e.occurred.precision))
  .sort((a, b) => b.corroboration.outlets - a.corroboration.outlets);
for (const e of chem)
  console.log(
    `  ${e.id} ${e.kind} ${e.location?.name} ${e.occurred.start}..${e.occurred.end} ${e.occurred.precision}: ` +
      `${e.mentions.length} reports, ${e.corroboration.outlets} outlets, killed ${JSON.stringify(e.figures.killed ? [e.figures.killed.low, e.figures.killed.best, e.figures.killed.high] : null)}`,
  );
// the labelled FA-KES pairs scored on this clustering of the whole corpus (the labelled-pairs
// test clusters only the labelled articles, so reports that bridge two of them are absent there)
const byUnit: ArticlesByKey = new Map();
for (const m of mentions) {
  const key = `fakes:${m.unitId}`;
  const article =
    byUnit.get(key) ?? ({ events: [] } as unknown as ArticlesByKey extends Map<string, infer A> ? A : never);
  article.events.push(m);
  byUnit.set(key, article);
}
const scored = scorePairs(
  pairs.filter((p) => 'fakes' in p.a),
  byUnit,
  state,
);
console.log(
  `labelled FA-KES pairs on the whole corpus: precision ${scored.precision.toFixed(3)} (${scored.tp}/${scored.tp + scored.fp}), recall ${scored.recall.toFixed(3)} (${scored.tp}/${scored.must})`,
);
for (const s of scored.scores)
  if (s.linked !== (s.pair.label === 'must-link'))
    console.log(`  ${s.linked ? 'wrongly linked' : 'missed'}: ${s.pair.reason.slice(0, 110)}`);
const dump = process.argv.indexOf('--dump');
if (dump > 0) {
  const unitOf = new Map(mentions.map((m) => [m.id, m.unitId]));
  const lines = [...state.clusters.values()].map((ids) =>
    ids.map((id) => `${id}@${unitOf.get(id)}`).join(' '),
  );
  writeFileSync(process.argv[dump + 1] as string, `${lines.sort().join('\n')}\n`);
}
// `--why UNIT_ID`: for each event of that FA-KES row, the clusters of its linked mentions and the
// higher-ranked members of each that it is not compatible with (why it did not join them)
const why = process.argv.indexOf('--why');
if (why > 0) {
  const { compatible } = await import('../src/link-rules.ts');
  const { ranksBefore } = await import('../src/star-assignment.ts');
  const unit = process.argv[why + 1];
  const label = (id: string) => {
    const f = state.features.get(id);
    const m = f?.mention as (EventMention & { unitId: string }) | undefined;
    return `${m?.unitId} ${m?.outlet?.name} ${m?.kind} @${m?.location?.name ?? '-'} ${m?.occurred.start}/${m?.occurred.precision} killed=${f?.killed ?? '-'} perp=${[...(f?.perpetrators ?? [])].join(',')}`;
  };
  for (const m of mentions.filter((x) => x.unitId === unit)) {
    const f = state.features.get(m.id);
    if (!f) continue;
    console.log(`\n${label(m.id)} in ${state.clusterOfMention.get(m.id)?.slice(4, 10)}`);
    const seen = new Set<string>();
    for (const n of state.adjacency.get(m.id) ?? []) {
      const c = state.centreOf.get(n) as string;
      if (seen.has(c)) continue;
      seen.add(c);
      const blockers = [...(state.membersOf.get(c) ?? [])].filter((x) => {
        const g = state.features.get(x);
        return g && ranksBefore(g, f) && !compatible(g, f);
      });
      console.log(
        `  linked to ${label(n)} (cluster ${state.clusterOfMention.get(n)?.slice(4, 10)}, ${ranksBefore(state.features.get(n)!, f) ? 'above' : 'below'})${blockers.map((b) => `\n    incompatible: ${label(b)}`).join('')}`,
      );
    }
  }
}
if (process.argv.includes('--leads'))
  for (const s of scored.scores.filter((x) => !x.linked && x.pair.label === 'must-link')) {
    const side = (p: typeof s.pair.a) =>
      sideEvents(p, byUnit).map((id) => `${id.slice(-6)}:${state.clusterOfMention.get(id)?.slice(4, 10)}`);
    console.log(
      `${s.pair.reason.slice(0, 60)}\n  A ${side(s.pair.a).join(' ')}\n  B ${side(s.pair.b).join(' ')}`,
    );
  }
