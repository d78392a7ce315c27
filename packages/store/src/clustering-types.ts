import type { PublishedAt } from '@sitrep/schema/article';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';

/**
 * A clustered mention as the clustering (@sitrep/ingest, through @sitrep/cluster) wrote it: the
 * store keeps the record whole, as JSON, and reads it back as it was written; only its id is the
 * store's business.
 */
export interface MentionRecord {
  id: string;
}

/** A key valid over an inclusive range of day numbers (@sitrep/cluster's block rows). */
export interface BlockRow {
  key: string;
  from: number;
  to: number;
}

/** A stored canonical event's id, members and age, as a clustering step maps ids through it. */
export interface StoredClusterRow {
  id: string;
  members: string[];
  /** the id's first change-feed number: smaller is older */
  age: number;
}

/** What a clustering step did to canonical ids, recorded in the change feed in its transaction. */
export interface CanonicalChangeSet {
  created: readonly string[];
  updated: readonly string[];
  /** [retired id, surviving id] */
  merged: readonly (readonly [string, string])[];
  removed: readonly string[];
}

/** What one clustering step writes (or, for a rebuild, everything). */
export interface ClusteringWrite {
  /** new and changed canonical events, under their stable ids (a stored one is replaced) */
  upsertCanonical: readonly CanonicalEvent[];
  /** ids to delete: removed, and merged into another */
  removeCanonical: readonly string[];
  /**
   * the change-feed rows; without it (tests writing raw clusterings) the store works them out
   * against what it holds (`derivedChanges`), so no write of canonical events bypasses the feed
   */
  changes?: CanonicalChangeSet;
  /** newly clustered mentions, with their article's origin key and their block rows */
  addMentions: readonly { mention: MentionRecord; originKey: string; blocks: readonly BlockRow[] }[];
  removeMentions: readonly string[];
  /** [event id, disputed] for every member of an upserted canonical event */
  eventDisputed: readonly (readonly [string, boolean])[];
}

/** One step of cross-article date inference (or, with `clear`, all of it). */
export interface ArticleDatesWrite {
  clear: boolean;
  removeArticles: readonly string[];
  /** articles seen for the first time, with the quote shingles they are filed under */
  addArticles: readonly { articleId: string; originKey: string; shingles: readonly string[] }[];
  /** [article id, borrowed date or null] for every article whose inference was decided */
  dates: readonly (readonly [string, PublishedAt | null])[];
}

/**
 * The tables incremental clustering keeps (`@sitrep/ingest` drives them): the stored mentions a
 * new one could link to, whole clusters, and the writes. Reads touch only the neighbourhood
 * asked for.
 */
export interface ClusteringStore {
  /**
   * Runs `work` as the only clustering step on this store in any process (db/clustering-lock.ts):
   * the ingest pipeline's steps take it, so concurrent ingests cannot interleave a step's reads
   * and writes. Not re-entrant: `work` must not take it again.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Ids of stored mentions filed under a row with a lookup's key and an overlapping day range.
   * `maxRowDays`: the longest range a stored row spans (the clustering's), which bounds each
   * lookup to one index range.
   */
  candidates(lookups: readonly BlockRow[], maxRowDays: number): Promise<string[]>;
  /** the stored mentions with these ids, and every member of their clusters, as whole clusters */
  clustersOf(ids: readonly string[]): Promise<{ mentions: MentionRecord[]; clusters: string[][] }>;
  /** the CLUSTERING_VERSION the stored rows were written by; null when never (or after `replaceCanonicalEvents`) */
  version(): Promise<string | null>;
  /**
   * The stored canonical events with a member among these event ids (every one when null), with
   * all their members and their age in the change feed.
   */
  storedClusters(eventIds: readonly string[] | null): Promise<StoredClusterRow[]>;
  /** of these canonical ids, those a stored canonical event holds now */
  liveCanonicalIds(ids: readonly string[]): Promise<Set<string>>;
  /** of these event ids, those already clustered */
  clusteredIds(eventIds: readonly string[]): Promise<Set<string>>;
  /** clustered mentions of articles from these origins, including events their articles no longer have */
  mentionsOfOrigins(originKeys: readonly string[]): Promise<string[]>;
  /** one incremental step in one transaction */
  apply(write: ClusteringWrite): Promise<void>;
  /** a full rebuild in one transaction, stamped with `version` */
  replace(write: ClusteringWrite, version: string): Promise<void>;

  // Cross-article date inference: reads touch only quote-sharing articles.
  /** of these articles, those the date inference has seen */
  seenArticles(articleIds: readonly string[]): Promise<Set<string>>;
  /** articles the date inference has seen from these origins */
  articlesOfOrigins(originKeys: readonly string[]): Promise<string[]>;
  /** articles filed under any of these quote shingles */
  quoteNeighbours(shingles: readonly string[]): Promise<string[]>;
  quoteShingles(articleIds: readonly string[]): Promise<Map<string, string[]>>;
  /** each article's borrowed publication date (basis `cluster`), null when it has none */
  inferredDates(articleIds: readonly string[]): Promise<(PublishedAt | null)[]>;
  applyDates(write: ArticleDatesWrite): Promise<void>;
}
