import type { Kysely } from 'kysely';
import type { ClusteringStore } from './clustering-types.ts';
import type { ClusteringLock } from './db/clustering-lock.ts';
import type { Database } from './db/tables.ts';
import {
  articlesOfOrigins,
  inferredDates,
  quoteNeighbours,
  quoteShingles,
  seenArticles,
} from './read/article-dates.ts';
import {
  blockCandidates,
  clusteredIds,
  clusteringVersion,
  clustersOf,
  liveCanonicalIds,
  mentionsOfOrigins,
  storedClusters,
} from './read/stored-clustering.ts';
import { applyArticleDates } from './write/article-dates.ts';
import { applyClusteringWrite, replaceClustering } from './write/clustering-writes.ts';

/**
 * `store.clustering`: each method counts as one store call, like the rest of the interface,
 * except `exclusive`, which reads and writes nothing itself.
 */
export function clusteringStore(
  db: Kysely<Database>,
  count: () => void,
  lock: ClusteringLock,
): ClusteringStore {
  return {
    exclusive: (work) => lock.run(work),
    async candidates(lookups, maxRowDays) {
      count();
      return blockCandidates(db, lookups, maxRowDays);
    },
    async clustersOf(ids) {
      count();
      return clustersOf(db, ids);
    },
    async version() {
      count();
      return clusteringVersion(db);
    },
    async storedClusters(ids) {
      count();
      return storedClusters(db, ids);
    },
    async liveCanonicalIds(ids) {
      count();
      return liveCanonicalIds(db, ids);
    },
    async clusteredIds(ids) {
      count();
      return clusteredIds(db, ids);
    },
    async mentionsOfOrigins(keys) {
      count();
      return mentionsOfOrigins(db, keys);
    },
    async apply(write) {
      count();
      await applyClusteringWrite(db, write);
    },
    async replace(write, version) {
      count();
      await replaceClustering(db, write, version);
    },
    async seenArticles(ids) {
      count();
      return seenArticles(db, ids);
    },
    async articlesOfOrigins(keys) {
      count();
      return articlesOfOrigins(db, keys);
    },
    async quoteNeighbours(shingles) {
      count();
      return quoteNeighbours(db, shingles);
    },
    async quoteShingles(ids) {
      count();
      return quoteShingles(db, ids);
    },
    async inferredDates(ids) {
      count();
      return inferredDates(db, ids);
    },
    async applyDates(write) {
      count();
      await applyArticleDates(db, write);
    },
  };
}
