import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { canonicalEvent } from './canonical-event.ts';
import { addMentions, type ClusterOptions, createClusterState } from './cluster-state.ts';
import type { EventMention } from './event-mention.ts';

/** Clusters a whole corpus at once: the canonical events, sorted by id. */
export function clusterMentions(
  mentions: readonly EventMention[],
  options: ClusterOptions = {},
): CanonicalEvent[] {
  const state = createClusterState(options);
  addMentions(state, mentions);
  return [...state.clusters.keys()].sort().map((id) => canonicalEvent(state, id));
}
