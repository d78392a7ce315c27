import { describe, expect, it } from 'vitest';
import { shuffled, syntheticAncestors, syntheticMentions } from '../bench/synthetic-mentions.ts';
import { candidatesFor } from '../src/block-index.ts';
import { blockLookups, blockRows } from '../src/block-keys.ts';
import { clusterMentions } from '../src/cluster-mentions.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import type { EventMention } from '../src/event-mention.ts';
import { updateStoredClusters } from '../src/update-stored-clusters.ts';
import { MemoryClustering } from './memory-stored-clustering.ts';

const options = { ancestorsOf: syntheticAncestors };
const corpus = syntheticMentions(2500, 7);

function storedClusters(store: MemoryClustering): string[][] {
  return [...store.clusters.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, m]) => m);
}

function expectedClusters(mentions: readonly EventMention[]): string[][] {
  return clusterMentions(mentions, options).map((e) => e.mentions.map((m) => m.eventId));
}

describe('block rows a store can query', () => {
  it('find every candidate the in-memory index finds, and nothing outside the blocks', () => {
    const state = createClusterState(options);
    addMentions(state, corpus);
    const rows = [...state.features.values()].map((f) => ({ id: f.id, blocks: blockRows(f) }));
    let compared = 0;
    for (const f of [...state.features.values()].slice(0, 400)) {
      const lookups = blockLookups(f);
      const matched = rows
        .filter((r) => r.id !== f.id)
        .filter((r) =>
          r.blocks.some((b) => lookups.some((l) => l.key === b.key && l.from <= b.to && b.from <= l.to)),
        )
        .map((r) => r.id)
        .sort();
      expect(matched).toEqual([...candidatesFor(state.index, f)].sort());
      compared += matched.length;
    }
    expect(compared).toBeGreaterThan(400);
  });
});

describe('updateStoredClusters', () => {
  it.each([
    [1, 1],
    [2, 7],
    [3, 60],
  ])('ends where clustering everything ends (order %i, batches of %i)', async (seed, size) => {
    const store = new MemoryClustering();
    const order = shuffled(corpus, seed);
    const rounds: number[] = [];
    for (let i = 0; i < order.length; i += size) {
      const update = await updateStoredClusters(store, options, {
        add: order.slice(i, i + size),
        remove: [],
      });
      rounds.push(update.rounds);
      store.apply(update);
    }
    expect(storedClusters(store)).toEqual(expectedClusters(corpus));
    console.log(
      `batches of ${size}: ${rounds.filter((r) => r > 1).length} of ${rounds.length} needed more than one round`,
    );
  });

  it('removing mentions ends where clustering the rest ends', async () => {
    const store = new MemoryClustering();
    store.apply(await updateStoredClusters(store, options, { add: corpus, remove: [] }));
    const gone = shuffled(corpus, 11).slice(0, 300);
    const goneIds = new Set(gone.map((m) => m.id));
    for (let i = 0; i < gone.length; i += 13)
      store.apply(
        await updateStoredClusters(store, options, {
          add: [],
          remove: gone.slice(i, i + 13).map((m) => m.id),
        }),
      );
    expect(storedClusters(store)).toEqual(expectedClusters(corpus.filter((m) => !goneIds.has(m.id))));
  });

  it('reads only the neighbourhood of a new article', async () => {
    const store = new MemoryClustering();
    store.apply(await updateStoredClusters(store, options, { add: corpus.slice(0, 2400), remove: [] }));
    store.reads = 0;
    const update = await updateStoredClusters(store, options, { add: corpus.slice(2400, 2405), remove: [] });
    expect(update.loaded).toBeLessThan(100);
    expect(store.reads).toBe(update.loaded);
    store.apply(update);
    expect(storedClusters(store)).toEqual(expectedClusters(corpus.slice(0, 2405)));
  });
});
