import type { Actor } from '@sitrep/schema/actor';
import type { Article } from '@sitrep/schema/article';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import type { ClusteringStore } from './clustering-types.ts';
import { loadStoreConfig, type StoreConfig, validateStoreConfig } from './config.ts';
import type { CanonicalExportFacts } from './export-facts.ts';
import type { FeedStore } from './feed-types.ts';
import type {
  ArticleFilter,
  ArticleOrder,
  ArticleSource,
  CanonicalEventFilter,
  ChangesArgs,
  ChangesPage,
  Connection,
  DailyAggregate,
  DailyAggregateArgs,
  DigestData,
  EventFilter,
  EventOrder,
  FacetRow,
  IngestCounts,
  PageArgs,
  QueryEvent,
  RecordLoader,
  ScanArgs,
  ScannedEvent,
  SearchHit,
  SendLog,
  StoreStats,
  TimelineArgs,
  TimelineBucket,
} from './query-types.ts';
import type { SubscriberStore } from './subscriber-types.ts';

export type {
  ArticleDatesWrite,
  BlockRow,
  CanonicalChangeSet,
  ClusteringStore,
  ClusteringWrite,
  MentionRecord,
  StoredClusterRow,
} from './clustering-types.ts';
export type { StoreConfig } from './config.ts';
export type * from './export-facts.ts';
export type * from './feed-types.ts';
export type * from './query-types.ts';
export type * from './subscriber-types.ts';

/**
 * Sitrep's data, whatever the engine. Records come back as @sitrep/schema types so the
 * GraphQL layer maps them directly. `...ByIds` methods are for dataloaders: one query per
 * batch, results in the order of the ids asked for, `null` where an id is unknown.
 */
export interface SitrepStore {
  readonly engine: 'sqlite' | 'postgres';

  /** Transactional and idempotent by content hash; a changed origin replaces its claims and events. */
  ingestArticles(records: readonly ExtractedArticle[]): Promise<IngestCounts>;
  /**
   * The stored event ids `ingestArticles(records)` would delete now: the old events of the
   * articles these records change, less those the records bring back. The ingest takes them out
   * of the clustering first, so no canonical event ever names an event that is gone.
   */
  eventsReplacedBy(records: readonly ExtractedArticle[]): Promise<string[]>;
  /** Reference data from the gazetteers; places also feed the nesting used by `placeId` filters. */
  upsertPlaces(places: readonly Place[]): Promise<void>;
  upsertActors(actors: readonly Actor[]): Promise<void>;
  upsertOutlets(outlets: readonly Outlet[]): Promise<void>;

  /**
   * A keyset page of events. `records` loads the page's event records by id (a per-process
   * cache in the API); without it the store reads them, in one batch.
   */
  listEvents(
    filter?: EventFilter,
    page?: PageArgs<EventOrder>,
    records?: RecordLoader<Event>,
  ): Promise<Connection<Event>>;
  eventsByIds(ids: readonly string[]): Promise<(Event | null)[]>;
  listArticles(filter?: ArticleFilter, page?: PageArgs<ArticleOrder>): Promise<Connection<Article>>;
  articlesByIds(ids: readonly string[]): Promise<(Article | null)[]>;
  claimsByIds(ids: readonly string[]): Promise<(Claim | null)[]>;
  /** the claims each event rests on, in the order of `eventIds` */
  claimsForEvents(eventIds: readonly string[]): Promise<Claim[][]>;
  claimsForArticles(articleIds: readonly string[]): Promise<Claim[][]>;
  eventsForArticles(articleIds: readonly string[]): Promise<Event[][]>;

  /** The clustering's tables (stored mentions by block, whole clusters, borrowed dates) and their writes. */
  readonly clustering: ClusteringStore;
  /** Stores a whole set of canonical events, replacing the previous one atomically (and unstamping the clustering's version). */
  replaceCanonicalEvents(events: readonly CanonicalEvent[]): Promise<void>;
  listCanonicalEvents(
    filter?: CanonicalEventFilter,
    page?: PageArgs<EventOrder>,
  ): Promise<Connection<CanonicalEvent>>;
  canonicalEventsByIds(ids: readonly string[]): Promise<(CanonicalEvent | null)[]>;
  /**
   * The change feed: canonical events created, updated (reports joined or left; the id stays),
   * merged into another (the older id survives) or removed, in commit order after `after`.
   */
  changes(args?: ChangesArgs): Promise<ChangesPage>;
  /** the cursor of the newest change (null when there is none): `changes` after it gives what comes next */
  changesCursor(): Promise<string | null>;
  /** the canonical event each per-article event was clustered into; null before clustering */
  canonicalEventsForEvents(eventIds: readonly string[]): Promise<(CanonicalEvent | null)[]>;

  /**
   * Every canonical event (or per-article event) matching the filter, in batches, oldest first by
   * (start date, id) with undated ones first: one query per batch, so an export of any size holds
   * one batch in memory. For bulk exports; pages are for people.
   */
  scanCanonicalEvents(filter?: CanonicalEventFilter, args?: ScanArgs): AsyncIterable<CanonicalEvent[]>;
  scanEvents(filter?: EventFilter, args?: ScanArgs): AsyncIterable<ScannedEvent[]>;
  /**
   * What `scanCanonicalEvents` yields, as export facts (written with each event): the bulk
   * export's one read, with no record, member report or article read per batch.
   */
  scanCanonicalExportFacts(
    filter?: CanonicalEventFilter,
    args?: ScanArgs,
  ): AsyncIterable<CanonicalExportFacts[]>;
  /** the export facts of canonical events by id (null for unknown ids) */
  canonicalExportFacts(ids: readonly string[]): Promise<(CanonicalExportFacts | null)[]>;
  /**
   * Matching rows counted per (kind, place) in one grouped query, for facets: counts per kind and
   * per country for the current filter, without reading a record.
   */
  canonicalEventFacets(filter?: CanonicalEventFilter): Promise<FacetRow[]>;
  eventFacets(filter?: EventFilter): Promise<FacetRow[]>;
  /** headline, outlet and publication day of articles (null for unknown ids), without their text */
  articleSources(ids: readonly string[]): Promise<(ArticleSource | null)[]>;

  placesByIds(ids: readonly string[]): Promise<(Place | null)[]>;
  /** places by name or alias (case-insensitive substring); all places when `search` is empty */
  listPlaces(args?: { search?: string; within?: string; first?: number }): Promise<Place[]>;
  /**
   * What a person means by a place: `text` as a stored place id, else every place whose name
   * or alias is `text` up to case, diacritics and punctuation (`placeNameKey`), and the place
   * with that GeoNames id when `text` is a number. Sorted ids; empty when nothing matches.
   */
  findPlaceIds(text: string): Promise<string[]>;
  actorsByIds(ids: readonly string[]): Promise<(Actor | null)[]>;
  listActors(args?: { search?: string; first?: number }): Promise<Actor[]>;
  outletsByIds(ids: readonly string[]): Promise<(Outlet | null)[]>;
  listOutlets(): Promise<Outlet[]>;

  /** Full text over articles, claims and events; any user text is safe (read as plain words). */
  search(text: string, first?: number): Promise<SearchHit[]>;
  timeline(args?: TimelineArgs): Promise<TimelineBucket[]>;
  dailyAggregates(args?: DailyAggregateArgs): Promise<DailyAggregate[]>;
  /** everything for one day's digest, in a bounded number of queries (≤ 8) */
  digestData(date: string): Promise<DigestData>;
  readonly sendLog: SendLog;
  /** the feeds `sitrep watch` polls, and the items already taken from them */
  readonly feeds: FeedStore;
  /** the digest's subscribers, the suppression list and the schedule's claims */
  readonly subscribers: SubscriberStore;

  /** row counts, for health checks and tests */
  counts(): Promise<Record<'articles' | 'claims' | 'events' | 'places' | 'actors' | 'outlets', number>>;
  /**
   * Refreshes the query planner's statistics after a bulk load (SQLite `PRAGMA optimize`,
   * PostgreSQL `ANALYZE`): without it PostgreSQL plans filtered pages from stale row counts.
   * `sitrep ingest` calls it when it wrote anything.
   */
  optimize(): Promise<void>;
  /**
   * Runs `read` against one consistent state of the data, for work that reads several times and
   * must not mix two states (a GraphQL request: a page's keys, then its nodes' records, their
   * mentions, their articles). PostgreSQL: one REPEATABLE READ, READ ONLY transaction on one
   * pooled connection. SQLite: one read transaction on the single connection, so this process's
   * other statements wait until `read` ends — keep it to one request. The store `read` is given
   * only reads (a write through it fails); its own `snapshot` is itself.
   */
  snapshot<T>(read: (store: SitrepStore) => Promise<T>): Promise<T>;
  /** throws a SitrepError with code STORE_UNAVAILABLE when the engine does not answer */
  ping(): Promise<void>;

  /** `stats.calls` counts public method calls, `stats.queries` SQL statements; both only grow. */
  readonly stats: StoreStats;
  /** called after every SQL statement; returns an unsubscribe function */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /**
   * Called after another connection (another process: `sitrep ingest`) changed the data —
   * within about a second on SQLite (polled), at its commit on PostgreSQL (LISTEN/NOTIFY).
   * On SQLite writes through this store are not reported; on PostgreSQL they are too (harmless
   * for a cache). Returns an unsubscribe function.
   */
  onDataChanged(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Opens the store and brings its tables up to date (migrations run on every open; they are
 * versioned and only the missing ones run). Without a config, reads the environment.
 */
export async function openStore(config?: StoreConfig): Promise<SitrepStore> {
  const { openKyselyStore } = await import('./kysely-store.ts');
  return openKyselyStore(validateStoreConfig(config ?? loadStoreConfig()));
}
