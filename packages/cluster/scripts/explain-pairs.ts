// Prints, for each labelled FA-KES pair the clustering gets wrong, both sides' lead events as the
// link rules see them (kind, place line, window, toll, perpetrators) and whether each pair of
// events is compatible / linked, so a miss can be traced to its rule. Reads FA-KES from
// ../shared/datasets at run time. Usage: npx tsx scripts/explain-pairs.ts [--all]
import { actorById } from '@sitrep/extract/actors';
import { ancestorsOf, places } from '@sitrep/extract/gazetteer';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import { mentionsFromArticle } from '../src/event-mention.ts';
import { compatible, linked } from '../src/link-rules.ts';
import type { MentionFeatures } from '../src/mention-features.ts';
import { namesakeRegions } from '../src/namesake-regions.ts';
import { extractFakes, FAKES_CSV, fakesPresent } from '../test/extracted-articles.ts';
import { type ArticlesByKey, pairs, scorePairs, sideEvents } from '../test/labelled-pairs.ts';

if (!fakesPresent) {
  console.error(`FA-KES is absent at ${FAKES_CSV}`);
  process.exit(1);
}
const all = process.argv.includes('--all');
const fakesPairs = pairs.filter((p) => 'fakes' in p.a);
const articles: ArticlesByKey = new Map();
await extractFakes(
  new Set(fakesPairs.flatMap((p) => [p.a, p.b]).map((s) => ('fakes' in s ? s.fakes : ''))),
  articles,
);
const state = createClusterState({
  ancestorsOf: (id) => ancestorsOf(id).map((p) => p.id),
  actorKindOf: (id) => actorById(id)?.kind ?? null,
  namesakeRegionOf: namesakeRegions(places()),
});
addMentions(state, [...articles.values()].flatMap(mentionsFromArticle));
const d = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const show = (f: MentionFeatures) =>
  `${f.id.slice(-14)} ${f.mention.kind} @${f.placeLine.join('<') || '-'} ` +
  `${f.window ? `${d(f.window.from)}..${d(f.window.to)}${f.window.inferred ? ' (rep)' : ''}` : 'undated'} ` +
  `killed=${f.killed ?? (f.toll ? 'vague' : '-')} perp=${[...f.perpetrators].join(',') || '-'} ` +
  `loc="${f.mention.location?.name ?? ''}"(${f.mention.location?.precision ?? ''}) cl=${state.clusterOfMention.get(f.id)?.slice(4, 10)}`;
const result = scorePairs(fakesPairs, articles, state);
for (const s of result.scores) {
  const wrong = s.linked !== (s.pair.label === 'must-link');
  if (!wrong && !all) continue;
  console.log(`\n${wrong ? 'WRONG' : 'ok'} ${s.pair.label} ${s.pair.reason}`);
  const fa = sideEvents(s.pair.a, articles).map((id) => state.features.get(id) as MentionFeatures);
  const fb = sideEvents(s.pair.b, articles).map((id) => state.features.get(id) as MentionFeatures);
  for (const f of fa) console.log(`  A ${show(f)}`);
  for (const f of fb) console.log(`  B ${show(f)}`);
  for (const a of fa)
    for (const b of fb)
      console.log(
        `    ${a.id.slice(-6)}~${b.id.slice(-6)} compatible=${compatible(a, b)} linked=${linked(a, b)}`,
      );
}
console.log(
  `\nP ${result.precision.toFixed(3)} R ${result.recall.toFixed(3)} (${result.tp}/${result.must}, fp ${result.fp})`,
);
// `--why EVENT_ID_SUFFIX`: the clusters that event is linked into, and the members above it it
// is not compatible with
const whyAt = process.argv.indexOf('--why');
if (whyAt > 0) {
  const { ranksBefore } = await import('../src/star-assignment.ts');
  const f = [...state.features.values()].find((x) => x.id.endsWith(process.argv[whyAt + 1] as string));
  if (f) {
    console.log(`\n${show(f)}`);
    for (const n of state.adjacency.get(f.id) ?? []) {
      const g = state.features.get(n) as MentionFeatures;
      const centre = state.centreOf.get(n) as string;
      const blockers = [...(state.membersOf.get(centre) ?? [])]
        .map((id) => state.features.get(id) as MentionFeatures)
        .filter((m) => ranksBefore(m, f) && !compatible(m, f));
      console.log(
        `  ${ranksBefore(g, f) ? 'above' : 'below'} ${show(g)}${blockers.map((b) => `\n      incompatible: ${show(b)}`).join('')}`,
      );
    }
  }
}
