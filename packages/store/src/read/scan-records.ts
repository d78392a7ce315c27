import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import type { Kysely } from 'kysely';
import type { Database, Engine } from '../db/tables.ts';
import type { CanonicalExportFacts } from '../export-facts.ts';
import type {
  ArticleSource,
  CanonicalEventFilter,
  EventFilter,
  FacetRow,
  ScannedEvent,
} from '../query-types.ts';
import { chunkIds } from '../write/chunks.ts';
import { canonicalWhere } from './list-canonical-events.ts';
import { eventWhere } from './list-events.ts';

type Bound = { key: string; id: string } | null;

/** The most rows one batch of a scan holds. */
export const MAX_SCAN_BATCH = 5_000;

function batchSize(batch: number | undefined): number {
  return Math.max(1, Math.min(MAX_SCAN_BATCH, Math.floor(batch ?? 1_000)));
}

/**
 * Every canonical event matching the filter, oldest first by (start date, id), undated first,
 * as batches: one query per batch (the narrow row joined to its record), keyset-bounded by the
 * last row of the batch before, so memory holds one batch whatever the store's size. Rows
 * written behind the scan's position during the scan are not seen; none is seen twice.
 */
export async function* scanCanonicalEvents(
  db: Kysely<Database>,
  filter: CanonicalEventFilter,
  batch?: number,
): AsyncGenerator<CanonicalEvent[]> {
  const limit = batchSize(batch);
  let after: Bound = null;
  for (;;) {
    const rows = await canonicalBatch(db, filter, after, limit);
    if (rows.length === 0) return;
    yield rows.map((r) => JSON.parse(r.record) as CanonicalEvent);
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    after = { key: last.sort_date, id: last.id };
  }
}

function canonicalBatch(db: Kysely<Database>, filter: CanonicalEventFilter, bound: Bound, limit: number) {
  return db
    .selectFrom('canonical_events')
    .innerJoin('canonical_records', 'canonical_records.id', 'canonical_events.id')
    .select(['canonical_events.id', 'canonical_events.sort_date', 'canonical_records.record'])
    .where((eb) => canonicalWhere(eb, filter))
    .$if(bound !== null, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('canonical_events.sort_date', 'canonical_events.id'), '>', tuple(bound!.key, bound!.id)),
      ),
    )
    .orderBy('canonical_events.sort_date')
    .orderBy('canonical_events.id')
    .limit(limit)
    .execute();
}

/**
 * The export facts of every canonical event matching the filter, in the order and batches of
 * `scanCanonicalEvents`: one query per batch over the narrow row and its facts, no record read.
 */
export async function* scanCanonicalExportFacts(
  db: Kysely<Database>,
  filter: CanonicalEventFilter,
  batch?: number,
): AsyncGenerator<CanonicalExportFacts[]> {
  const limit = batchSize(batch);
  let after: Bound = null;
  for (;;) {
    const rows = await factsBatch(db, filter, after, limit);
    if (rows.length === 0) return;
    yield rows.map((r) => JSON.parse(r.facts) as CanonicalExportFacts);
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    after = { key: last.sort_date, id: last.id };
  }
}

function factsBatch(db: Kysely<Database>, filter: CanonicalEventFilter, bound: Bound, limit: number) {
  // everything: the facts table alone, in its own (sort_date, id) index's order
  if (Object.values(filter).every((v) => v === undefined))
    return db
      .selectFrom('canonical_export_facts')
      .select(['id', 'sort_date', 'facts'])
      .$if(bound !== null, (q) =>
        q.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('sort_date', 'id'), '>', tuple(bound!.key, bound!.id)),
        ),
      )
      .orderBy('sort_date')
      .orderBy('id')
      .limit(limit)
      .execute();
  return db
    .selectFrom('canonical_events')
    .innerJoin('canonical_export_facts', 'canonical_export_facts.id', 'canonical_events.id')
    .select(['canonical_events.id', 'canonical_events.sort_date', 'canonical_export_facts.facts'])
    .where((eb) => canonicalWhere(eb, filter))
    .$if(bound !== null, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('canonical_events.sort_date', 'canonical_events.id'), '>', tuple(bound!.key, bound!.id)),
      ),
    )
    .orderBy('canonical_events.sort_date')
    .orderBy('canonical_events.id')
    .limit(limit)
    .execute();
}

/** The export facts of canonical events by id (null for ids the store does not hold). */
export async function canonicalExportFactsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(CanonicalExportFacts | null)[]> {
  const found = new Map<string, CanonicalExportFacts>();
  for (const part of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('canonical_export_facts')
      .select(['id', 'facts'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.facts) as CanonicalExportFacts);
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** Every per-article event matching the filter, as `scanCanonicalEvents` reads canonical ones. */
export async function* scanEvents(
  db: Kysely<Database>,
  engine: Engine,
  filter: EventFilter,
  batch?: number,
): AsyncGenerator<ScannedEvent[]> {
  const limit = batchSize(batch);
  let after: Bound = null;
  for (;;) {
    const rows = await eventBatch(db, engine, filter, after, limit);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      event: JSON.parse(r.record) as Event,
      counted: {
        killed: r.killed === null ? null : Number(r.killed),
        injured: r.injured === null ? null : Number(r.injured),
      },
      disputed: Number(r.disputed) === 1,
    }));
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    after = { key: last.sort_date, id: last.id };
  }
}

function eventBatch(db: Kysely<Database>, engine: Engine, filter: EventFilter, bound: Bound, limit: number) {
  return db
    .selectFrom('events')
    .innerJoin('event_records', 'event_records.id', 'events.id')
    .select([
      'events.id',
      'events.sort_date',
      'events.killed',
      'events.injured',
      'events.disputed',
      'event_records.record',
    ])
    .where((eb) => eventWhere(eb, filter, engine))
    .$if(bound !== null, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('events.sort_date', 'events.id'), '>', tuple(bound!.key, bound!.id)),
      ),
    )
    .orderBy('events.sort_date')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

/** Headline, outlet and publication day of articles, from their columns (no article text is read). */
export async function articleSources(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(ArticleSource | null)[]> {
  const found = new Map<string, ArticleSource>();
  for (const part of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'headline', 'outlet_id', 'published_date'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows)
      found.set(r.id, {
        id: r.id,
        headline: r.headline,
        outletId: r.outlet_id,
        publishedDate: r.published_date,
      });
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** Matching rows per (kind, place): what facets are counted from, in one grouped query. */
export async function canonicalFacetRows(
  db: Kysely<Database>,
  filter: CanonicalEventFilter,
): Promise<FacetRow[]> {
  const rows = await db
    .selectFrom('canonical_events')
    .select(['canonical_events.kind', 'canonical_events.place_id', (eb) => eb.fn.countAll().as('n')])
    .where((eb) => canonicalWhere(eb, filter))
    .groupBy(['canonical_events.kind', 'canonical_events.place_id'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, placeId: r.place_id, count: Number(r.n) }));
}

export async function eventFacetRows(
  db: Kysely<Database>,
  engine: Engine,
  filter: EventFilter,
): Promise<FacetRow[]> {
  const rows = await db
    .selectFrom('events')
    .select(['events.kind', 'events.place_id', (eb) => eb.fn.countAll().as('n')])
    .where((eb) => eventWhere(eb, filter, engine))
    .groupBy(['events.kind', 'events.place_id'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, placeId: r.place_id, count: Number(r.n) }));
}
