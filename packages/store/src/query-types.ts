import type { Actor } from '@sitrep/schema/actor';
import type { Article } from '@sitrep/schema/article';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Claim } from '@sitrep/schema/claim';
import type { Event, EventKind } from '@sitrep/schema/event';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import type { DatePrecision } from '@sitrep/schema/primitives';

/**
 * Where an event, canonical event or timeline takes place: every field narrows. Countries and
 * admin1 come from the event's place, its own or its nearest container's (migration 0008).
 */
export interface PlaceScope {
  /** the place or any place inside it (a neighbourhood is in Aleppo), via the places table */
  placeId?: string;
  /**
   * any of these stored places or a place inside one of them: what a place name resolves to
   * (`findPlaceIds`); an empty list matches nothing
   */
  placeIds?: readonly string[];
  /** ISO 3166-1 alpha-2 codes, any case (checked: two letters); an empty list matches nothing */
  countries?: readonly string[];
  /** first-level division names, compared as `admin1Key` ("Aleppo Governorate" = "aleppo") */
  admin1?: readonly string[];
}

/** Which events to return. Every field narrows the result; an empty filter returns everything. */
export interface EventFilter extends PlaceScope {
  kinds?: readonly EventKind[];
  /** inclusive YYYY-MM-DD; events whose [start, end] overlaps [from, to] (undated events drop out) */
  from?: string;
  to?: string;
  /** an actor taking part in any role */
  actorId?: string;
  /** the outlet id of the reporting article (or the outlet's name when it has no id) */
  outlet?: string;
  /** plain words, matched against the event's summary, place and evidence sentences */
  text?: string;
  /** killed.best at least this many */
  minKilled?: number;
  tense?: 'past' | 'scheduled';
  /**
   * only events dated with one of these precisions: `day`, `week` and `reported` can be a day's
   * stories (a `reported` event marked "reported on"), `month` and `year` only its context
   */
  precisions?: readonly DatePrecision[];
  /** true: events resting on a denied claim; false: the others */
  disputed?: boolean;
  articleId?: string;
}

export type EventOrder = 'DATE_DESC' | 'DATE_ASC' | 'SEVERITY';

/** Which canonical events (clustering results) to return; the fields mean what they do for events. */
export interface CanonicalEventFilter extends PlaceScope {
  kinds?: readonly EventKind[];
  from?: string;
  to?: string;
  /** figures.killed.best at least this many */
  minKilled?: number;
  disputed?: boolean;
  /** corroboration.independentSources at least this many */
  minSources?: number;
}

/** Which articles to return. */
export interface ArticleFilter {
  /** inclusive YYYY-MM-DD on the publication date (undated articles drop out) */
  from?: string;
  to?: string;
  outlet?: string;
  text?: string;
  /** articles reporting at least one event at this place or inside it */
  placeId?: string;
  /** articles reporting at least one event at one of these stored places or inside one */
  placeIds?: readonly string[];
}

export type ArticleOrder = 'PUBLISHED_DESC' | 'PUBLISHED_ASC';

/**
 * Relay-style page request. `first`/`after` pages forward, `last`/`before` backward. Cursors are
 * opaque, tied to the ordering, and positional (keyset): no OFFSET, so page 1,000 costs what
 * page 1 costs. `withTotal: false` skips the COUNT when the caller does not need it.
 */
/** Where a page's records come from, by id, in order (null where unknown): a cache can stand in for the store. */
export type RecordLoader<T> = (ids: readonly string[]) => Promise<(T | null)[]>;

/** The most records one page holds (`first` / `last`); a reader of everything pages through. */
export const MAX_PAGE = 500;

export interface PageArgs<O extends string> {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
  orderBy?: O;
  withTotal?: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  /** rows matching the filter, ignoring the page; -1 when `withTotal: false` */
  totalCount: number;
}

export interface IngestCounts {
  new: number;
  changed: number;
  unchanged: number;
}

export type SearchHitKind = 'article' | 'claim' | 'event';

export interface SearchHit {
  kind: SearchHitKind;
  id: string;
  articleId: string;
  /** higher is better; comparable within one result list only */
  score: number;
  /** a short excerpt with the matched words between [ and ] */
  snippet: string;
}

export interface TimelineArgs extends PlaceScope {
  from?: string;
  to?: string;
  granularity?: 'day' | 'week';
  /** only the periods with events in them (the days a digest archive has), without the empty ones between */
  withEventsOnly?: boolean;
}

/** One period: `period` is the day, or the Monday that starts the ISO week. */
/** What a clustering step did to one canonical event (`changes`). */
export type CanonicalChangeKind = 'created' | 'updated' | 'merged' | 'removed';

export interface CanonicalChange {
  kind: CanonicalChangeKind;
  canonicalId: string;
  /** for `merged`: the id that survived, which holds this event's reports now */
  mergedInto: string | null;
  /** when the change was committed (ISO 8601 UTC) */
  changedAt: string;
  /** for created and updated: the event as stored now; null once it was merged or removed */
  event: CanonicalEvent | null;
}

export interface ChangesArgs {
  /** a cursor from an earlier page; none: from the first change */
  after?: string | null;
  first?: number;
}

export interface ChangesPage {
  edges: { node: CanonicalChange; cursor: string }[];
  /** endCursor: the last edge's cursor, or `after` when there is nothing new (store it either way) */
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface TimelineBucket {
  period: string;
  events: number;
  killed: number;
  injured: number;
}

export interface DailyAggregate {
  date: string;
  /** null in the all-places total and for events with no known place */
  placeId: string | null;
  events: number;
  killed: number;
  injured: number;
}

export interface DailyAggregateArgs extends PlaceScope {
  from?: string;
  to?: string;
  /** one row per day and place instead of one per day */
  byPlace?: boolean;
}

/** Everything one day's digest shows, fetched in a fixed number of queries. */
export interface DigestData {
  date: string;
  /**
   * the day's stories, most severe first: events dated to the day (precision `day`, the day
   * within their dates), and events dated only by their report of that day (precision
   * `reported`: "reported on", never a certain day)
   */
  events: Event[];
  /**
   * events dated to the day's month or year (precision `month` or `year`): never the day's
   * stories, only context labelled with their span
   */
  context: Event[];
  /** the articles those events come from, plus articles published that day */
  articles: Article[];
  /** the claims the events rest on */
  claims: Claim[];
  places: Place[];
  actors: Actor[];
  outlets: Outlet[];
  /** over `events`, counting only incidents' tolls (no totals, nothing unplaced and undated) */
  totals: { events: number; killed: number; injured: number };
  byPlace: DailyAggregate[];
}

export interface SendLogEntry {
  issueDate: string;
  recipient: string;
  messageId: string | null;
  status: 'sent' | 'failed';
  detail?: string | null;
}

/** Makes digest sending idempotent and resumable. */
export interface SendLog {
  /** `${issueDate}:${recipient}` for every recipient already sent that issue */
  sentKeys(issueDate: string): Promise<Set<string>>;
  record(entry: SendLogEntry): Promise<void>;
  entries(issueDate: string): Promise<(SendLogEntry & { recordedAt: string })[]>;
}

export interface QueryEvent {
  sql: string;
  durationMs: number;
}

/** Counters for tests (the API's N+1 test) and health checks. Reset by assigning 0. */
export interface StoreStats {
  /** calls to the store's public methods */
  calls: number;
  /** SQL statements sent to the engine */
  queries: number;
}

/** A per-article event as a scan reads it, with the figures the store counts as an incident's toll. */
export interface ScannedEvent {
  event: Event;
  /** killed.best / injured.best when they are one incident's toll (the `killed`/`injured` columns), else null */
  counted: { killed: number | null; injured: number | null };
  /** it rests on a denied claim, or its canonical event is disputed (the `disputed` column) */
  disputed: boolean;
}

/** What an export cites of an article, read from its columns without the text. */
export interface ArticleSource {
  id: string;
  headline: string;
  outletId: string | null;
  publishedDate: string | null;
}

/** How a scan reads: rows per batch (default 1,000, at most 5,000). */
export interface ScanArgs {
  batch?: number;
}

/** How many matching rows have this kind at this place (null: no place): facets are sums of these. */
export interface FacetRow {
  kind: string;
  placeId: string | null;
  count: number;
}
