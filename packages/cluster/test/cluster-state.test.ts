import { describe, expect, it } from 'vitest';
import { shuffled, syntheticAncestors, syntheticMentions } from '../bench/synthetic-mentions.ts';
import { clusterMentions } from '../src/cluster-mentions.ts';
import { addMentions, clusterMembers, createClusterState } from '../src/cluster-state.ts';
import type { EventMention } from '../src/event-mention.ts';
import { removeMentions } from '../src/remove-mentions.ts';
import { mention, toyAncestors } from './make-mention.ts';

const corpus = [
  mention({ article: 'reuters', place: 'al-Kalaseh', placePrecision: 'neighbourhood', killed: 13 }),
  mention({ article: 'trt', killed: 13 }),
  mention({ article: 'aa', place: 'Bustan al-Qasr', placePrecision: 'neighbourhood', killed: 4 }),
  mention({ article: 'sana', kind: 'shelling', on: '2016-12-01', killed: 8 }),
  mention({ article: 'rferl', kind: 'shelling', on: '2016-12-01', killed: 8 }),
  mention({
    article: 'ahram',
    place: 'Manbij',
    on: '2016-07-18',
    killed: 21,
    perpetrators: ['actor:us-coalition'],
  }),
  mention({ article: 'manar', place: 'Manbij', on: '2016-07-18', killed: 21 }),
  mention({
    article: 'alalam',
    place: 'Manbij',
    on: '2016-07-18',
    killed: 9,
    perpetrators: ['actor:russia'],
  }),
  mention({ article: 'afp', kind: 'evacuation', killed: null }),
];

/** A deterministic shuffle (a small LCG), so the test is the same on every run. */
function membersByArticleOutlet(events: ReturnType<typeof clusterMentions>): string[][] {
  return events.map((e) => e.mentions.map((m) => m.outlet ?? '').sort()).sort();
}

describe('clustering', () => {
  const options = { ancestorsOf: toyAncestors };

  it('groups reports of one event and keeps different events apart', () => {
    expect(membersByArticleOutlet(clusterMentions(corpus, options))).toEqual([
      ['aa'],
      ['afp'],
      ['ahram', 'manar'],
      ['alalam'],
      ['reuters', 'trt'],
      ['rferl', 'sana'],
    ]);
  });

  it.each([1, 2, 3, 4, 5])('yields the same clusters and ids in any order (shuffle %i)', (seed) => {
    const ids = clusterMentions(corpus, options).map((e) => e.id);
    expect(clusterMentions(shuffled(corpus, seed), options).map((e) => e.id)).toEqual(ids);
  });

  it('yields the same clusters whether mentions arrive in one batch or one at a time', () => {
    const state = createClusterState(options);
    for (const m of shuffled(corpus, 7)) addMentions(state, [m]);
    expect([...state.clusters.keys()].sort()).toEqual(clusterMentions(corpus, options).map((e) => e.id));
  });

  it('reports only the clusters a new mention joins or creates', () => {
    const state = createClusterState(options);
    addMentions(state, corpus);
    const before = new Set(state.clusters.keys());
    const trtCluster = state.clusterOfMention.get(corpus[1]?.id ?? '') as string;
    const change = addMentions(state, [mention({ article: 'bbc', killed: 13 })]);
    expect(change.removed).toEqual([trtCluster]);
    expect(change.changed).toHaveLength(1);
    expect(
      clusterMembers(state, change.changed[0] as string)
        .map((m) => m.outlet?.name)
        .sort(),
    ).toEqual(['bbc', 'reuters', 'trt']);
    const untouched = [...state.clusters.keys()].filter((id) => !change.changed.includes(id));
    expect(untouched.every((id) => before.has(id))).toBe(true);
  });

  it('ignores a mention it has already seen', () => {
    const state = createClusterState(options);
    addMentions(state, corpus);
    expect(addMentions(state, corpus.slice(0, 3))).toEqual({ changed: [], removed: [] });
  });

  it('splits a chain through a city-wide report instead of merging two neighbourhoods', () => {
    const chain = [
      mention({ article: 'x', place: 'al-Kalaseh', placePrecision: 'neighbourhood' }),
      mention({ article: 'y', place: 'Bustan al-Qasr', placePrecision: 'neighbourhood' }),
      mention({ article: 'z' }),
    ];
    const events = clusterMentions(chain, options);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.mentions.length <= 2)).toBe(true);
  });

  it('lets a report join through any member it is linked to, when it fits every member above it', () => {
    // 58 dead at the neighbourhood (the centre), 72 city-wide the same day, then a report dated
    // only by its publication with 86: it agrees with 72, not with 58, yet is the same strike
    const centre = mention({
      article: 'first',
      place: 'Sheikh Saeed',
      placePrecision: 'neighbourhood',
      on: '2017-04-04',
      killed: 58,
      perpetrators: ['actor:russia'],
    });
    const city = mention({ article: 'second', on: '2017-04-04', killed: 72 });
    const update = mention({ article: 'third', reported: '2017-04-05', killed: 86 });
    for (const seed of [1, 2, 3]) {
      const events = clusterMentions(shuffled([centre, city, update], seed), options);
      expect(events.map((e) => e.mentions.length)).toEqual([3]);
    }
    // the same report naming another side as the striker fits the middle one, not the centre
    const otherSide = mention({
      article: 'fourth',
      reported: '2017-04-05',
      killed: 86,
      perpetrators: ['actor:rebels'],
    });
    const events = clusterMentions([centre, city, otherSide], options);
    expect(events.map((e) => e.mentions.length).sort()).toEqual([1, 2]);
    expect(events.find((e) => e.mentions.length === 1)?.mentions[0]?.eventId).toBe(otherSide.id);
  });

  it('puts a report in the cluster it has the most links to, not the first centre it links to', () => {
    // the shelling of Sheikh Saeed (30 dead) and the air strike on al-Kalaseh (60), whose three
    // city-wide reports say 40; a report dated by its publication with 35 agrees with the
    // shelling's centre and with the three reports, not with 60: it joins the three
    const shelling = mention({
      article: 'p',
      kind: 'shelling',
      place: 'Sheikh Saeed',
      placePrecision: 'neighbourhood',
      on: '2017-04-04',
      killed: 30,
    });
    const strike = mention({
      article: 'q',
      place: 'al-Kalaseh',
      placePrecision: 'neighbourhood',
      on: '2017-04-05',
      killed: 60,
    });
    const cityWide = ['q1', 'q2', 'q3'].map((article) => mention({ article, on: '2017-04-05', killed: 40 }));
    const report = mention({ article: 'x', reported: '2017-04-05', killed: 35 });
    const events = clusterMentions([shelling, strike, ...cityWide, report], options);
    const withReport = events.find((e) => e.mentions.some((m) => m.eventId === report.id));
    expect(withReport?.mentions.map((m) => m.eventId).sort()).toEqual(
      [strike, ...cityWide, report].map((m) => m.id).sort(),
    );
  });

  it('compares the events of one article with each other even when one has no place or toll', () => {
    // "a bomb exploded in Aleppo" then "the blast ..." with no place and no figure of its own
    const blast = [
      mention({ article: 'x', kind: 'bombing', reported: '2017-04-19', tag: 'a bomb in Aleppo' }),
      mention({ article: 'x', kind: 'bombing', place: null, reported: '2017-04-19', tag: 'the blast' }),
    ];
    expect(clusterMentions(blast, options).map((e) => e.mentions.length)).toEqual([2]);
    // two articles' unplaced, untolled blasts still tie nothing
    const apart = [
      blast[0] as EventMention,
      mention({ article: 'y', kind: 'bombing', place: null, reported: '2017-04-19' }),
    ];
    expect(clusterMentions(apart, options).map((e) => e.mentions.length)).toEqual([1, 1]);
  });

  it('nests places only through the ancestors it is given', () => {
    const pair = [
      mention({ article: 'x', place: 'al-Kalaseh', placePrecision: 'neighbourhood' }),
      mention({ article: 'y' }),
    ];
    expect(clusterMentions(pair, options)).toHaveLength(1);
    expect(clusterMentions(pair)).toHaveLength(2);
  });

  it('ends, after removing mentions, where clustering the rest from scratch ends', () => {
    const all = syntheticMentions(3000, 3);
    const gone = all.filter((_, i) => i % 7 === 3);
    const state = createClusterState({ ancestorsOf: syntheticAncestors });
    addMentions(state, shuffled(all, 11));
    const change = removeMentions(
      state,
      gone.map((m) => m.id),
    );
    const goneIds = new Set(gone.map((m) => m.id));
    const fresh = createClusterState({ ancestorsOf: syntheticAncestors });
    addMentions(
      fresh,
      all.filter((m) => !goneIds.has(m.id)),
    );
    expect([...state.clusters.keys()].sort()).toEqual([...fresh.clusters.keys()].sort());
    expect(change.removed.length).toBeGreaterThan(0);
    expect(change.changed.every((id) => state.clusters.has(id))).toBe(true);
  }, 60_000); // 3,000 mentions clustered twice: seconds on a busy 2-core CI machine

  it('yields the same clusters for a large synthetic corpus in any order, in batches or one by one', () => {
    const all = syntheticMentions(3000, 5);
    const batch = createClusterState({ ancestorsOf: syntheticAncestors });
    addMentions(batch, all);
    const trickle = createClusterState({ ancestorsOf: syntheticAncestors });
    for (const m of shuffled(all, 13)) addMentions(trickle, [m]);
    expect([...trickle.clusters.keys()].sort()).toEqual([...batch.clusters.keys()].sort());
  }, 60_000);
});
