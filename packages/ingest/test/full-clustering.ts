import { clusterMentions } from '@sitrep/cluster/cluster-mentions';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { SitrepStore } from '@sitrep/store/store';
import { expect } from 'vitest';
import { CLUSTER_OPTIONS, reclusterStore, storedMentions } from '../src/recluster.ts';

/** Every stored canonical event, page by page, sorted by id. */
export async function allCanonical(store: SitrepStore): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  let after: string | null = null;
  do {
    const page = await store.listCanonicalEvents({}, { first: 500, after, orderBy: 'DATE_ASC' });
    out.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Canonical events as a clustering, ids aside (blanked), in the order of their first member. A
 * stored event keeps the id it was created under while reports join it, so ids depend on the
 * order reports came in; the events themselves do not.
 */
export function withoutIds(events: readonly CanonicalEvent[]): CanonicalEvent[] {
  const first = (e: CanonicalEvent) => e.mentions[0]?.eventId ?? '';
  return events.map((e) => ({ ...e, id: '' })).sort((a, b) => (first(a) < first(b) ? -1 : 1));
}

/**
 * What the store holds equals clustering every stored mention from scratch (ids aside: see
 * `withoutIds`), ids are unique, and a full rebuild writes nothing: the clustering however it
 * was reached (incremental steps, other processes) is the one clustering.
 */
export async function expectSameAsFull(store: SitrepStore): Promise<CanonicalEvent[]> {
  const stored = await allCanonical(store);
  const mentions = (await storedMentions(store)).map((r) => r.mention);
  expect(withoutIds(stored)).toEqual(withoutIds(clusterMentions(mentions, CLUSTER_OPTIONS)));
  expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
  expect((await reclusterStore(store)).written).toBe(false);
  return stored;
}
