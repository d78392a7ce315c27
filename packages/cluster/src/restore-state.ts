import { SitrepError } from '@sitrep/schema/errors';
import { candidateFeatures, indexMention } from './block-index.ts';
import { clusterId } from './cluster-id.ts';
import { type ClusterOptions, type ClusterState, createClusterState } from './cluster-state.ts';
import type { EventMention } from './event-mention.ts';
import { linked } from './link-rules.ts';
import { type MentionFeatures, mentionFeatures } from './mention-features.ts';
import { ranksBefore } from './star-assignment.ts';

/**
 * A ClusterState over part of a stored clustering: the mentions a store loaded around an
 * incoming article, grouped into the clusters it had stored for them (every cluster loaded
 * whole). Links are computed among the loaded mentions, so they are right for the mentions in
 * `complete` (whose every block-mate was loaded) and possibly short for the others.
 *
 * `addMentions` and `removeMentions` on such a state give what they would give on the full
 * state as long as they never need the links of an incomplete mention; when they do, the
 * mention lands in `state.faults`, and the caller loads its block-mates and starts again from a
 * fresh restore. Centres need no storing: a centre ranks before every member of its cluster
 * (a mention only ever joins a higher-ranked centre), so it is the cluster's first in rank order.
 */
export function restoreClusterState(
  options: ClusterOptions,
  mentions: readonly EventMention[],
  clusters: readonly (readonly string[])[],
  complete: ReadonlySet<string>,
): ClusterState {
  const base = createClusterState(options);
  const state: ClusterState = { ...base, complete: (id) => complete.has(id) };
  const features: MentionFeatures[] = [];
  for (const m of mentions) {
    if (state.features.has(m.id)) continue;
    const f = mentionFeatures(m, state.lookups);
    state.features.set(f.id, f);
    indexMention(state.index, f);
    features.push(f);
  }
  for (const f of features) {
    const adj: string[] = [];
    for (const other of candidateFeatures(state.index, f)) if (linked(f, other)) adj.push(other.id);
    state.adjacency.set(f.id, adj);
  }
  for (const members of clusters) {
    const ranked = members
      .map((id) => state.features.get(id))
      .filter((f): f is MentionFeatures => f !== undefined)
      .sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
    const centre = ranked[0];
    if (!centre || ranked.length !== members.length)
      throw new SitrepError(
        'CONFLICT',
        `stored cluster of ${members.join(', ')} came without all its members: the stored clustering is inconsistent; rebuild it with \`sitrep recluster\``,
      );
    const ids = ranked.map((f) => f.id).sort();
    const id = clusterId(ids);
    for (const mid of ids) {
      state.centreOf.set(mid, centre.id);
      state.clusterOfMention.set(mid, id);
    }
    state.membersOf.set(centre.id, new Set(ids));
    state.clusterIdOfCentre.set(centre.id, id);
    state.clusters.set(id, ids);
  }
  return state;
}
