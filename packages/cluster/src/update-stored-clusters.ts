import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { type BlockRange, blockLookups, blockRows } from './block-keys.ts';
import { canonicalEvent } from './canonical-event.ts';
import { addMentions, type ClusterOptions, clusterMembers, lookupsFrom } from './cluster-state.ts';
import type { EventMention } from './event-mention.ts';
import { mentionFeatures } from './mention-features.ts';
import { removeMentions } from './remove-mentions.ts';
import { restoreClusterState } from './restore-state.ts';

/** What `updateStoredClusters` asks of a store that keeps a clustering. */
export interface StoredClustering {
  /** ids of stored mentions filed under a row matching any lookup (same key, overlapping days) */
  candidates(lookups: readonly BlockRange[]): Promise<string[]>;
  /** the stored mentions with these ids, and every member of their clusters, as whole clusters */
  clustersOf(ids: readonly string[]): Promise<{ mentions: EventMention[]; clusters: string[][] }>;
}

export interface StoredMentionRow {
  mention: EventMention;
  blocks: BlockRange[];
}

export interface StoredClusterUpdate {
  /** canonical events that are new or have new members (a new member set is a new id) */
  upsert: CanonicalEvent[];
  /** stored canonical event ids that no longer exist */
  remove: string[];
  /** mentions to store with the rows they are filed under */
  addMentions: StoredMentionRow[];
  removeMentions: string[];
  /** every member of the upserted canonical events */
  members: EventMention[];
  /** how many stored mentions were loaded, and in how many rounds */
  loaded: number;
  rounds: number;
}

/**
 * Adds and removes mentions in a stored clustering, reading only the neighbourhood they can
 * affect: the stored mentions sharing a block with them and the clusters those belong to. The
 * star updates run on that partial state; if they need the links of a mention whose own
 * block-mates were not loaded, those are loaded and the update runs again. The result is what
 * clustering every stored mention from scratch would give (tested against it).
 */
export async function updateStoredClusters(
  stored: StoredClustering,
  options: ClusterOptions,
  change: { add: readonly EventMention[]; remove: readonly string[] },
): Promise<StoredClusterUpdate> {
  const mentions = new Map<string, EventMention>();
  const clusters = new Map<string, string[]>();
  const complete = new Set<string>();
  const lookups = lookupsFrom(options);

  async function loadClusters(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !mentions.has(id));
    if (missing.length === 0) return;
    const found = await stored.clustersOf(missing);
    for (const m of found.mentions) mentions.set(m.id, m);
    for (const members of found.clusters) clusters.set([...members].sort().join(' '), members);
  }
  async function completeMentions(ms: readonly EventMention[]): Promise<void> {
    const rows = ms.flatMap((m) => blockLookups(mentionFeatures(m, lookups)));
    await loadClusters(rows.length > 0 ? await stored.candidates(rows) : []);
    for (const m of ms) complete.add(m.id);
  }

  await loadClusters(change.remove);
  await completeMentions(change.add);
  const before = new Set<string>();
  for (let rounds = 1; ; rounds++) {
    const state = restoreClusterState(options, [...mentions.values()], [...clusters.values()], complete);
    for (const id of state.clusters.keys()) before.add(id);
    removeMentions(state, change.remove);
    addMentions(state, change.add);
    if (state.faults.size > 0) {
      await completeMentions([...state.faults].map((id) => mentions.get(id) as EventMention));
      before.clear();
      continue;
    }
    const after = new Set(state.clusters.keys());
    const upsert = [...after].filter((id) => !before.has(id)).sort();
    return {
      upsert: upsert.map((id) => canonicalEvent(state, id)),
      members: upsert.flatMap((id) => clusterMembers(state, id)),
      remove: [...before].filter((id) => !after.has(id)).sort(),
      addMentions: change.add
        .filter((m) => !mentions.has(m.id))
        .map((m) => ({ mention: m, blocks: blockRows(mentionFeatures(m, lookups)) })),
      removeMentions: change.remove.filter((id) => mentions.has(id)),
      loaded: mentions.size,
      rounds,
    };
  }
}
