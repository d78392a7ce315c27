import { MAX_ROW_DAYS } from '@sitrep/cluster/block-keys';
import type { EventMention } from '@sitrep/cluster/event-mention';
import type { StoredClustering } from '@sitrep/cluster/update-stored-clusters';
import type { ClusteringStore } from '@sitrep/store/store';

/**
 * The store's clustering tables as @sitrep/cluster's `updateStoredClusters` reads them. The
 * store knows rows and JSON, not clustering: this gives it the clustering's bound on a stored
 * row's day range and reads its mention records back as the EventMentions this package wrote
 * (cluster-articles.ts, recluster.ts).
 */
export function storedClustering(tables: ClusteringStore): StoredClustering {
  return {
    candidates: (lookups) => tables.candidates(lookups, MAX_ROW_DAYS),
    async clustersOf(ids) {
      const { mentions, clusters } = await tables.clustersOf(ids);
      return { mentions: mentions as EventMention[], clusters };
    },
  };
}
