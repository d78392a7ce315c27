import { describe, expect, it } from 'vitest';
import { shuffled, syntheticAncestors, syntheticMentions } from '../bench/synthetic-mentions.ts';
import { candidatesFor } from '../src/block-index.ts';
import { blockLookups, blockRows } from '../src/block-keys.ts';
import { clusterMentions } from '../src/cluster-mentions.ts';
import { addMentions, createClusterState } from '../src/cluster-state.ts';
import type { EventMention } from '../src/event-mention.ts';
import { updateStoredClusters } from '../src/update-stored-clusters.ts';
import { mention, toyAncestors } from './make-mention.ts';
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

describe('block rows of a rare kind and of reports that refer back', () => {
  // a chemical attack "in Syria" (placed no finer than the country) meets one in a Syrian town
  // through the country, in the in-memory index and in a store's rows alike
  const chemical = [
    mention({ article: 'a', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04', killed: 58 }),
    mention({
      article: 'b',
      kind: 'chemical_attack',
      place: 'Syria',
      placePrecision: 'country',
      reported: '2017-04-05',
    }),
    mention({
      article: 'c',
      kind: 'chemical_attack',
      place: 'Iraq',
      placePrecision: 'country',
      reported: '2017-04-05',
    }),
    mention({
      article: 'd',
      kind: 'chemical_attack',
      place: 'Aleppo-gov',
      placePrecision: 'governorate',
      on: '2017-04-04',
    }),
    mention({ article: 'e', place: 'Syria', placePrecision: 'country', reported: '2017-04-05' }),
  ];
  const toy = { ancestorsOf: toyAncestors };
  // undated reports that refer back: 87 in Manbij nine days on, "some 1,200" 76 days on
  const background = [
    mention({ article: 'f', kind: 'attack', place: null, reported: '2023-12-22', killed: 1200 }),
    mention({ article: 'g', kind: 'attack', place: null, on: '2023-10-07', killed: 1000 }),
    mention({ article: 'h', place: 'Manbij', reported: '2017-04-13', killed: 87 }),
    mention({ article: 'i', place: 'Manbij', on: '2017-04-04', killed: 87 }),
    mention({ article: 'j', place: 'Manbij', on: '2017-04-05', killed: 12 }),
  ];

  it('find the candidates the in-memory index finds', () => {
    const state = createClusterState(toy);
    addMentions(state, [...chemical, ...background]);
    const features = [...state.features.values()];
    for (const f of features) {
      const lookups = blockLookups(f);
      const matched = features
        .filter((g) => g.id !== f.id)
        .filter((g) =>
          blockRows(g).some((b) => lookups.some((l) => l.key === b.key && l.from <= b.to && b.from <= l.to)),
        )
        .map((g) => g.id)
        .sort();
      expect(matched).toEqual([...candidatesFor(state.index, f)].sort());
    }
    const inSyria = state.features.get(chemical[1]?.id as string);
    expect(inSyria && [...candidatesFor(state.index, inSyria)].sort()).toEqual(
      [chemical[0]?.id, chemical[3]?.id].sort(),
    );
    expect(
      clusterMentions(chemical, toy)
        .map((e) => e.mentions.length)
        .sort(),
    ).toEqual([1, 1, 3]);
    const together = (a: number, b: number) =>
      state.clusterOfMention.get(background[a]?.id as string) ===
      state.clusterOfMention.get(background[b]?.id as string);
    expect([together(0, 1), together(2, 3), together(2, 4)]).toEqual([true, true, false]);
  });

  it('cluster one at a time against a store as from scratch', async () => {
    const store = new MemoryClustering();
    const all = [...chemical, ...background];
    for (const m of shuffled(all, 3))
      store.apply(await updateStoredClusters(store, toy, { add: [m], remove: [] }));
    expect(storedClusters(store)).toEqual(
      clusterMentions(all, toy).map((e) => e.mentions.map((m) => m.eventId)),
    );
  });
});

describe('updateStoredClusters', () => {
  it.each([
    [1, 1],
    [2, 7],
    [3, 60],
  ])(
    'ends where clustering everything ends (order %i, batches of %i)',
    async (seed, size) => {
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
    },
    180_000,
  ); // three whole clusterings of the corpus, batch by batch: minutes on a loaded 2-core CI machine

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
