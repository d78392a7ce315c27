import type { BlockRange } from '@sitrep/cluster/block-keys';
import type { EventMention } from '@sitrep/cluster/event-mention';
import type { StoredClustering } from '@sitrep/cluster/update-stored-clusters';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';

/** What one clustering step writes (or, for a rebuild, everything). */
export interface ClusteringWrite {
  upsertCanonical: readonly CanonicalEvent[];
  removeCanonical: readonly string[];
  /** newly clustered mentions, with their article's origin key and their block rows */
  addMentions: readonly { mention: EventMention; originKey: string; blocks: readonly BlockRange[] }[];
  removeMentions: readonly string[];
  /** [event id, disputed] for every member of an upserted canonical event */
  eventDisputed: readonly (readonly [string, boolean])[];
}

/**
 * The store's side of incremental clustering (`@sitrep/store/recluster` drives it): the stored
 * mentions a new one could link to, whole clusters, and the writes. Reads touch only the
 * neighbourhood asked for.
 */
export interface ClusteringStore extends StoredClustering {
  /** the CLUSTERING_VERSION the stored rows were written by; null when never (or after `replaceCanonicalEvents`) */
  version(): Promise<string | null>;
  /** of these event ids, those already clustered */
  clusteredIds(eventIds: readonly string[]): Promise<Set<string>>;
  /** clustered mentions of articles from these origins, including events their articles no longer have */
  mentionsOfOrigins(originKeys: readonly string[]): Promise<string[]>;
  /** one incremental step in one transaction */
  apply(write: ClusteringWrite): Promise<void>;
  /** a full rebuild in one transaction, stamped with `version` */
  replace(write: ClusteringWrite, version: string): Promise<void>;
}
