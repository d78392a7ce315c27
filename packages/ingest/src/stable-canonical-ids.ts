import { assignStableIds, createdIdCandidates, type StableIdAssignment } from '@sitrep/cluster/stable-ids';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { CanonicalChangeSet, SitrepStore } from '@sitrep/store/store';

/**
 * Maps a clustering step's clusters (member-hash ids) onto the stored canonical events they
 * continue (`assignStableIds`): an incremental step reads the stored events holding any member of
 * its clusters or any mention it takes out; a rebuild (`removed` null) reads every one.
 * Runs inside `store.clustering.exclusive`, so nothing changes between this read and the write.
 */
export async function withStableIds(
  store: SitrepStore,
  fresh: readonly CanonicalEvent[],
  removed: readonly string[] | null,
): Promise<StableIdAssignment> {
  const eventIds =
    removed === null ? null : [...fresh.flatMap((e) => e.mentions.map((m) => m.eventId)), ...removed];
  const stored =
    eventIds === null || eventIds.length > 0 ? await store.clustering.storedClusters(eventIds) : [];
  const used = await store.clustering.liveCanonicalIds(fresh.flatMap((e) => createdIdCandidates(e.id)));
  return assignStableIds(stored, fresh, used);
}

/** The change-feed rows of an assignment, and the stored ids it deletes. */
export function changeSetOf(a: StableIdAssignment): {
  changes: CanonicalChangeSet;
  removeCanonical: string[];
} {
  const { created, updated, merged, removed } = a;
  return {
    changes: { created, updated, merged, removed },
    removeCanonical: [...removed, ...merged.map(([id]) => id)].sort(),
  };
}
