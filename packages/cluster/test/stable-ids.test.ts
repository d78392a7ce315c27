import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { describe, expect, it } from 'vitest';
import { clusterId } from '../src/cluster-id.ts';
import { assignStableIds, createdIdCandidates, type StoredCluster } from '../src/stable-ids.ts';

/** A fresh cluster as a step gives it: only the id and the members matter here. */
function fresh(...members: string[]): CanonicalEvent {
  return {
    id: clusterId(members),
    mentions: members.map((eventId) => ({
      eventId,
      articleId: 'art',
      outlet: null,
      originalSource: null,
      kind: 'airstrike',
    })),
  } as unknown as CanonicalEvent;
}

function stored(id: string, age: number, ...members: string[]): StoredCluster {
  return { id, age, members };
}

const ids = (a: { events: CanonicalEvent[] }) => a.events.map((e) => e.id);

describe('stable canonical ids', () => {
  it('keeps the id when a report joins, and records one update', () => {
    const a = assignStableIds([stored('cev_A', 1, 'a')], [fresh('a', 'b')], new Set(['cev_A']));
    expect(ids(a)).toEqual(['cev_A']);
    expect(a).toMatchObject({ created: [], updated: ['cev_A'], merged: [], removed: [] });
  });

  it('keeps the id when a report leaves, and gives a split-off report a new event', () => {
    const a = assignStableIds(
      [stored('cev_A', 1, 'a', 'b', 'c')],
      [fresh('a', 'c'), fresh('b')],
      new Set(['cev_A']),
    );
    expect(ids(a)).toEqual(['cev_A', clusterId(['b'])]);
    expect(a).toMatchObject({ created: [clusterId(['b'])], updated: ['cev_A'], merged: [], removed: [] });
  });

  it.each([
    ['the older listed first', [stored('cev_OLD', 1, 'a'), stored('cev_NEW', 9, 'b', 'c')]],
    ['the older listed last', [stored('cev_NEW', 9, 'b', 'c'), stored('cev_OLD', 1, 'a')]],
  ])('when two events merge the older id survives and the other points to it (%s)', (_, before) => {
    const a = assignStableIds(before, [fresh('a', 'b', 'c')], new Set(['cev_OLD', 'cev_NEW']));
    expect(ids(a)).toEqual(['cev_OLD']);
    expect(a).toMatchObject({
      created: [],
      updated: ['cev_OLD'],
      merged: [['cev_NEW', 'cev_OLD']],
      removed: [],
    });
  });

  it('removes an event whose every report is gone', () => {
    const a = assignStableIds(
      [stored('cev_A', 1, 'a'), stored('cev_B', 2, 'b')],
      [fresh('b', 'c')],
      new Set(),
    );
    expect(ids(a)).toEqual(['cev_B']);
    expect(a).toMatchObject({ created: [], updated: ['cev_B'], merged: [], removed: ['cev_A'] });
  });

  it('a newer event whose reports moved to an older one keeps its id on a cluster of its own left over', () => {
    // cev_B's reports split: b1 goes to cev_A's cluster, b2 and b3 stay together
    const a = assignStableIds(
      [stored('cev_A', 1, 'a'), stored('cev_B', 2, 'b1', 'b2', 'b3')],
      [fresh('a', 'b1'), fresh('b2', 'b3')],
      new Set(['cev_A', 'cev_B']),
    );
    expect(ids(a)).toEqual(['cev_A', 'cev_B']);
    expect(a).toMatchObject({ created: [], updated: ['cev_A', 'cev_B'], merged: [], removed: [] });
  });

  it('a new event never takes an id a live event holds: it takes the next salted one', () => {
    // a live event was created from report x alone and grew; x's new cluster may not reuse its id
    const taken = clusterId(['x']);
    const a = assignStableIds([], [fresh('x')], new Set([taken]));
    expect(ids(a)).toEqual([createdIdCandidates(taken)[1]]);
    expect(a.created).toEqual(ids(a));
    // and a new store gets the member-hash ids it always got
    expect(ids(assignStableIds([], [fresh('x')], new Set()))).toEqual([taken]);
  });
});
