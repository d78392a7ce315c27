// npm run bench: clustering time for 10k and 100k synthetic mentions, medians side by side,
// and the ratio that shows growth is near-linear (10x the mentions, about 10x the time).
import { performance } from 'node:perf_hooks';
import { canonicalEvent } from '../src/canonical-event.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import { syntheticAncestors, syntheticMentions } from './synthetic-mentions.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

interface Row {
  mentions: number;
  clusters: number;
  clusterMs: number;
  summaryMs: number;
  addOneMs: number;
}

function run(count: number, runs: number): Row {
  const mentions = syntheticMentions(count);
  const extra = syntheticMentions(count + 50, 2).slice(count);
  const cluster: number[] = [];
  const summary: number[] = [];
  const addOne: number[] = [];
  let clusters = 0;
  for (let i = 0; i < runs; i++) {
    const state = createClusterState({ ancestorsOf: syntheticAncestors });
    let t = performance.now();
    addMentions(state, mentions);
    cluster.push(performance.now() - t);
    clusters = state.clusters.size;
    t = performance.now();
    for (const id of state.clusters.keys()) canonicalEvent(state, id);
    summary.push(performance.now() - t);
    // Incremental ingest: one article's worth of mentions at a time into the full state.
    const times: number[] = [];
    for (let j = 0; j < extra.length; j += 5) {
      t = performance.now();
      const change = addMentions(state, extra.slice(j, j + 5));
      for (const id of change.changed) canonicalEvent(state, id);
      times.push(performance.now() - t);
    }
    addOne.push(median(times));
  }
  return {
    mentions: count,
    clusters,
    clusterMs: median(cluster),
    summaryMs: median(summary),
    addOneMs: median(addOne),
  };
}

const small = run(10_000, 5);
const large = run(100_000, 3);
const fmt = (n: number) => n.toFixed(1).padStart(9);
console.log(
  '| mentions | clusters | cluster (ms, median) | summarise (ms, median) | add one article (ms, median) |',
);
console.log('|---:|---:|---:|---:|---:|');
for (const r of [small, large])
  console.log(
    `| ${r.mentions} | ${r.clusters} | ${fmt(r.clusterMs)} | ${fmt(r.summaryMs)} | ${r.addOneMs.toFixed(3)} |`,
  );
console.log(
  `ratio 100k/10k: clustering ${(large.clusterMs / small.clusterMs).toFixed(2)}x, ` +
    `summarising ${(large.summaryMs / small.summaryMs).toFixed(2)}x for 10x the mentions (linear = 10x)`,
);
