import { clusterIdOfSorted } from './cluster-id.ts';
import type { ClusterChange, ClusterState } from './cluster-state.ts';
import type { MentionFeatures } from './mention-features.ts';
import { PriorityQueue } from './priority-queue.ts';
import { chooseCentre, ranksBefore, type StarView } from './star-assignment.ts';

// How the star clusters of a ClusterState are kept up to date after mentions come or go.

function view(state: ClusterState): StarView {
  const none = new Set<string>();
  return {
    feature: (id) => state.features.get(id) as MentionFeatures,
    neighbours: (id) => neighboursOf(state, id),
    centreOf: (id) => state.centreOf.get(id),
    members: (c) => state.membersOf.get(c) ?? none,
  };
}

/**
 * The mentions linked to `id`. In a restored partial state a mention whose links are not all
 * known is recorded as a fault: the caller loads more of the store and runs the update again.
 */
export function neighboursOf(state: ClusterState, id: string): readonly string[] {
  if (state.complete !== null && !state.complete(id)) state.faults.add(id);
  return state.adjacency.get(id) ?? [];
}

/** Mentions waiting to be re-decided, highest rank first. */
export function rankQueue(): PriorityQueue<MentionFeatures> {
  return new PriorityQueue<MentionFeatures>(ranksBefore);
}

/** Queues the mentions among `ids` that rank below `x`: only they can depend on x's decision. */
export function queueBelow(
  state: ClusterState,
  queue: PriorityQueue<MentionFeatures>,
  x: MentionFeatures,
  ids: Iterable<string>,
): void {
  for (const id of ids) {
    const f = state.features.get(id);
    if (f && ranksBefore(x, f)) queue.push(f);
  }
}

/**
 * Re-decides queued mentions in rank order until nothing changes. A change only ever queues
 * lower-ranked mentions, so each is decided after everything it depends on.
 */
export function settle(
  state: ClusterState,
  queue: PriorityQueue<MentionFeatures>,
  touched: Set<string>,
): void {
  const v = view(state);
  for (let x = queue.pop(); x !== undefined; x = queue.pop()) {
    if (!state.features.has(x.id)) continue;
    const old = state.centreOf.get(x.id);
    const next = chooseCentre(v, x);
    if (old === next) continue;
    if (old !== undefined) {
      state.membersOf.get(old)?.delete(x.id);
      touched.add(old);
      // a mention joins through any member, so those linked to the cluster x left may now fit it
      const left = old === x.id ? v.members(old) : [old, ...v.members(old)];
      queueBelow(state, queue, x, left);
      for (const id of left) queueBelow(state, queue, x, v.neighbours(id));
    }
    state.centreOf.set(x.id, next);
    const members = state.membersOf.get(next) ?? new Set<string>();
    members.add(x.id);
    state.membersOf.set(next, members);
    touched.add(next);
    // x's neighbours may join its new cluster through it; the members must still fit beside x
    queueBelow(state, queue, x, v.neighbours(x.id));
    if (next !== x.id) queueBelow(state, queue, x, members);
  }
}

export function recordClusters(state: ClusterState, centres: ReadonlySet<string>): ClusterChange {
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const c of centres) {
    const old = state.clusterIdOfCentre.get(c);
    const members = state.membersOf.get(c);
    const ids = members && state.centreOf.get(c) === c ? [...members].sort() : [];
    const id = ids.length > 0 ? clusterIdOfSorted(ids) : undefined;
    if (old === id) continue;
    if (old !== undefined) {
      removed.add(old);
      state.clusterIdOfCentre.delete(c);
    }
    if (id === undefined) {
      state.membersOf.delete(c);
      continue;
    }
    added.add(id);
    state.clusterIdOfCentre.set(c, id);
    state.clusters.set(id, ids);
    for (const mid of ids) state.clusterOfMention.set(mid, id);
  }
  for (const id of removed) if (!added.has(id)) state.clusters.delete(id);
  return {
    changed: [...added].filter((id) => !removed.has(id)).sort(),
    removed: [...removed].filter((id) => !added.has(id)).sort(),
  };
}
