import { unindexMention } from './block-index.ts';
import type { ClusterChange, ClusterState } from './cluster-state.ts';
import { neighboursOf, queueBelow, rankQueue, recordClusters, settle } from './star-updates.ts';

/**
 * Takes mentions out (an article re-extracted after its text changed, or deleted). Their
 * cluster mates and the mentions their removal may now admit are re-decided; nothing else is
 * touched. Unknown ids are ignored.
 */
export function removeMentions(state: ClusterState, eventIds: readonly string[]): ClusterChange {
  const queue = rankQueue();
  const touched = new Set<string>();
  for (const id of eventIds) {
    const f = state.features.get(id);
    if (!f) continue;
    const centre = state.centreOf.get(id) as string;
    const neighbours = neighboursOf(state, id);
    // mentions that joined through it (a mention joins through any member) need a new home
    queueBelow(state, queue, f, neighbours);
    for (const n of neighbours) {
      const adj = state.adjacency.get(n);
      if (adj)
        state.adjacency.set(
          n,
          adj.filter((x) => x !== id),
        );
    }
    state.adjacency.delete(id);
    unindexMention(state.index, f);
    state.features.delete(id);
    state.centreOf.delete(id);
    state.clusterOfMention.delete(id);
    state.membersOf.get(centre)?.delete(id);
    touched.add(centre);
    // A centre's members need a new home; a member's absence may let in those linked to any
    // member of its cluster.
    const members = [...(state.membersOf.get(centre) ?? [])];
    queueBelow(state, queue, f, members);
    if (centre !== id)
      for (const m of [centre, ...members]) queueBelow(state, queue, f, neighboursOf(state, m));
  }
  settle(state, queue, touched);
  return recordClusters(state, touched);
}
