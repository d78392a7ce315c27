// npm run bench: clustering time for 10k and 100k synthetic mentions, medians side by side,
// and the ratio that shows growth is near-linear (10x the mentions, about 10x the time).
// Sizes are measured in interleaved rounds after a warm-up, so JIT compilation and the load of
// a shared machine fall on both sizes alike.
import { performance } from 'node:perf_hooks';
import { canonicalEvent } from '../src/canonical-event.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import type { EventMention } from '../src/event-mention.ts';
import { syntheticAncestors, syntheticMentions } from './synthetic-mentions.ts';

const SIZES = [10_000, 100_000];
const ROUNDS = 3;
const ARTICLE = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

interface Sample {
  clusters: number;
  clusterMs: number;
  summaryMs: number;
  addArticleMs: number;
}

function measure(mentions: readonly EventMention[], extra: readonly EventMention[]): Sample {
  const state = createClusterState({ ancestorsOf: syntheticAncestors });
  let t = performance.now();
  addMentions(state, mentions);
  const clusterMs = performance.now() - t;
  t = performance.now();
  for (const id of state.clusters.keys()) canonicalEvent(state, id);
  const summaryMs = performance.now() - t;
  // Incremental ingest into the full state: one article's mentions at a time, summaries of what changed.
  const times: number[] = [];
  for (let j = 0; j < extra.length; j += ARTICLE) {
    t = performance.now();
    const change = addMentions(state, extra.slice(j, j + ARTICLE));
    for (const id of change.changed) canonicalEvent(state, id);
    times.push(performance.now() - t);
  }
  return { clusters: state.clusters.size, clusterMs, summaryMs, addArticleMs: median(times) };
}

const inputs = SIZES.map((n) => {
  const all = syntheticMentions(n + 100);
  return { n, mentions: all.slice(0, n), extra: all.slice(n) };
});
measure(inputs[0]?.mentions ?? [], []);
const samples = new Map<number, Sample[]>(SIZES.map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const { n, mentions, extra } of inputs) samples.get(n)?.push(measure(mentions, extra));

const rows = SIZES.map((n) => {
  const s = samples.get(n) ?? [];
  return {
    n,
    clusters: s[0]?.clusters ?? 0,
    clusterMs: median(s.map((x) => x.clusterMs)),
    summaryMs: median(s.map((x) => x.summaryMs)),
    addArticleMs: median(s.map((x) => x.addArticleMs)),
  };
});
console.log(
  `| mentions | clusters | cluster (ms) | summarise all (ms) | add one ${ARTICLE}-mention article (ms) |`,
);
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.n} | ${r.clusters} | ${r.clusterMs.toFixed(0)} | ${r.summaryMs.toFixed(0)} | ${r.addArticleMs.toFixed(2)} |`,
  );
const [small, large] = rows;
if (small && large)
  console.log(
    `medians of ${ROUNDS} interleaved rounds; ratio ${large.n / small.n}x mentions: clustering ` +
      `${(large.clusterMs / small.clusterMs).toFixed(1)}x, summarising ${(large.summaryMs / small.summaryMs).toFixed(1)}x, ` +
      `adding one article ${(large.addArticleMs / small.addArticleMs).toFixed(1)}x (linear = ${large.n / small.n}x, local = 1x)`,
  );
