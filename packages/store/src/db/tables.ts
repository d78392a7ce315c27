import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Every record is also kept whole as JSON in `record`, so
 * what comes back is exactly what went in; the other columns exist to be filtered, sorted
 * and joined on. Dates are ISO `YYYY-MM-DD` text in both engines (they sort as strings).
 */
export interface ArticlesTable {
  id: string;
  /** `ext:<externalId>`, `path:<path>` or `hash:<contentHash>`: what "the same article" means on re-ingest */
  origin_key: string;
  content_hash: string;
  headline: string;
  outlet_id: string | null;
  published_date: string | null;
  /** published_date or '' so keyset comparisons never meet NULL */
  sort_date: string;
  record: string;
  /** the EXTRACTOR_VERSION that made the record; null when not known (migration 0006) */
  extractor_version: number | null;
}

export interface ClaimsTable {
  id: string;
  article_id: string;
  ord: number;
  kind: string;
  stance: string;
  speaker_id: string | null;
  said_on: string | null;
  record: string;
}

export interface EventsTable {
  id: string;
  article_id: string;
  ord: number;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  /** day, week, month, year, reported or unknown (Occurred.precision) */
  precision: string;
  sort_date: string;
  tense: string;
  place_id: string | null;
  /**
   * killed.best and injured.best when they count as one incident's toll, else null: a total
   * over a period or a war, or a figure the text neither places nor dates, is kept in the record
   * but never ranked or summed (`@sitrep/schema/incident-figures`)
   */
  killed: number | null;
  injured: number | null;
  /** killed first, then injured: killed * 1e6 + min(injured, 999999) */
  severity: number;
  disputed: number;
  outlet_id: string | null;
  /** reserved; clustering links live in canonical_mentions (migration 0002), which can be rewritten whole */
  cluster_id: string | null;
}

/**
 * Events kept narrow (filter and sort columns only) so counting and filtering 100k of them
 * stays in cache; the JSON record lives here and is read only for the rows a page returns.
 */
export interface EventRecordsTable {
  id: string;
  record: string;
}

export interface EventActorsTable {
  event_id: string;
  actor_id: string;
  role: string;
}

export interface PlacesTable {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  /** lower-cased name and aliases joined by '|', for name search */
  search_names: string;
  record: string;
  /**
   * ISO 3166-1 alpha-2, upper case: the record's own, else its nearest container's (migration
   * 0008; `write/place-geo.ts`), so "events in SD" takes in places curated without a country
   */
  country: string | null;
  /** the first-level division's `admin1Key`, the record's own or its nearest container's (0008) */
  admin1_key: string | null;
  /** the record's GeoNames id (0008) */
  geonames_id: number | null;
}

/** Each place under every folded name and alias it has (`placeNameKey`), for the place-by-name filter (0008). */
export interface PlaceNamesTable {
  name_key: string;
  place_id: string;
}

export interface PlaceAncestorsTable {
  place_id: string;
  ancestor_id: string;
  depth: number;
}

export interface ActorsTable {
  id: string;
  name: string;
  kind: string;
  search_names: string;
  record: string;
}

export interface OutletsTable {
  id: string;
  name: string;
  kind: string;
  search_names: string;
  record: string;
}

export interface SearchDocsTable {
  id: Generated<number>;
  doc_type: string;
  doc_id: string;
  article_id: string;
  body: string;
}

export interface SendLogTable {
  id: Generated<number>;
  issue_date: string;
  recipient: string;
  message_id: string | null;
  status: string;
  detail: string | null;
  recorded_at: string;
}

export interface FeedsTable {
  url: string;
  outlet: string | null;
  every_seconds: number;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_poll_at: string;
  last_polled_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
  moved_to: string | null;
}

export interface FeedItemsTable {
  /** a dedup key: `url:…` (normalised link or canonical URL) or `guid:…` */
  key: string;
  feed_url: string;
  article_id: string | null;
  /** 'page' (read from the article page), 'feed' (the feed's own text), null (not stored) */
  body: string | null;
  note: string | null;
  seen_at: string;
}

export interface CanonicalEventsTable {
  id: string;
  kind: string;
  family: string;
  start_date: string | null;
  end_date: string | null;
  sort_date: string;
  place_id: string | null;
  killed: number | null;
  injured: number | null;
  severity: number;
  disputed: number;
  independent_sources: number;
}

/** A canonical event's export facts (`CanonicalExportFacts` as JSON), written with it (migration 0013). */
export interface CanonicalExportFactsTable {
  id: string;
  /** the event's `sort_date`, so an unfiltered export scans this table alone in export order */
  sort_date: string;
  facts: string;
}

export interface CanonicalMentionsTable {
  event_id: string;
  canonical_id: string;
}

/** One change a clustering step made to a canonical event (migration 0012). */
export interface CanonicalChangesTable {
  seq: Generated<number>;
  canonical_id: string;
  /** created | updated | merged | removed */
  change: string;
  /** for `merged`: the surviving id */
  merged_into: string | null;
  changed_at: string;
}

export interface MentionRecordsTable {
  event_id: string;
  origin_key: string;
  record: string;
}

export interface MentionBlocksTable {
  key: string;
  from_day: number;
  to_day: number;
  event_id: string;
}

export interface ClusteringMetaTable {
  name: string;
  value: string;
}

export interface ArticleQuotesTable {
  shingle: string;
  article_id: string;
}

export interface ArticleDatesTable {
  article_id: string;
  origin_key: string;
  /** the borrowed PublishedAt as JSON, or null when nothing could be borrowed */
  record: string | null;
}

export interface Database {
  articles: ArticlesTable;
  claims: ClaimsTable;
  events: EventsTable;
  event_records: EventRecordsTable;
  event_actors: EventActorsTable;
  places: PlacesTable;
  place_ancestors: PlaceAncestorsTable;
  place_names: PlaceNamesTable;
  actors: ActorsTable;
  outlets: OutletsTable;
  search_docs: SearchDocsTable;
  send_log: SendLogTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  canonical_events: CanonicalEventsTable;
  canonical_records: EventRecordsTable;
  canonical_mentions: CanonicalMentionsTable;
  canonical_changes: CanonicalChangesTable;
  canonical_export_facts: CanonicalExportFactsTable;
  mention_records: MentionRecordsTable;
  mention_blocks: MentionBlocksTable;
  clustering_meta: ClusteringMetaTable;
  article_quotes: ArticleQuotesTable;
  article_dates: ArticleDatesTable;
  subscribers: SubscribersTable;
  suppressions: SuppressionsTable;
  digest_claims: DigestClaimsTable;
}

/** A digest subscriber (migration 0011); `email_key` is the address in lower case. */
export interface SubscribersTable {
  email_key: string;
  email: string;
  name: string;
  timezone: string;
  /** the local hour (0–23) their edition is sent at */
  send_hour: number;
  /** 'daily' or 'weekly' */
  cadence: string;
  /** JSON: { kinds, countries, places, actors, minKilled } */
  filters: string;
  /** 'pending' (signed up, not yet confirmed) or 'confirmed' */
  status: string;
  /** 'import' or 'signup' */
  source: string;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
}

/** An address never to be mailed again: 'unsubscribed', 'bounced' or 'complained'. */
export interface SuppressionsTable {
  email_key: string;
  reason: string;
  detail: string | null;
  suppressed_at: string;
}

/** Who is sending an edition to a subscriber: one row per (edition, subscriber), taken by one process. */
export interface DigestClaimsTable {
  edition: string;
  email_key: string;
  claimed_by: string;
  claimed_at: string;
}

export type Engine = 'sqlite' | 'postgres';
