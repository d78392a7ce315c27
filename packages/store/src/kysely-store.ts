import type { Claim } from '@sitrep/schema/claim';
import { SitrepError } from '@sitrep/schema/errors';
import type { Kysely, LogEvent } from 'kysely';
import { sql } from 'kysely';
import { clusteringStore } from './clustering-store.ts';
import type { StoreConfig } from './config.ts';
import { watchChanges } from './db/change-watch.ts';
import { clusteringLock } from './db/clustering-lock.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrations.ts';
import { readSnapshot } from './db/read-snapshot.ts';
import type { Database, Engine } from './db/tables.ts';
import { feedStore } from './feed-store.ts';
import type { QueryEvent, StoreStats } from './query-types.ts';
import { dailyAggregates, timeline } from './read/aggregates.ts';
import { latestChangeCursor, listChanges } from './read/change-feed.ts';
import { digestData } from './read/digest-data.ts';
import { listNamed, recordsByIds, recordsForArticles } from './read/entities.ts';
import { findPlaceIds } from './read/find-place-ids.ts';
import { searchDocs } from './read/full-text.ts';
import { listArticles } from './read/list-articles.ts';
import { canonicalForEvents, canonicalRecords, listCanonicalEvents } from './read/list-canonical-events.ts';
import { listEvents } from './read/list-events.ts';
import {
  articleSources,
  canonicalExportFactsByIds,
  canonicalFacetRows,
  eventFacetRows,
  scanCanonicalEvents,
  scanCanonicalExportFacts,
  scanEvents,
} from './read/scan-records.ts';
import { sendLog } from './send-log.ts';
import type { SitrepStore } from './store.ts';
import { subscriberStore } from './subscriber-store.ts';
import { replaceCanonicalEvents } from './write/canonical-events.ts';
import { ingestArticles } from './write/ingest-articles.ts';
import { eventsReplacedBy } from './write/ingest-plan.ts';
import { upsertActors, upsertOutlets, upsertPlaces } from './write/reference-data.ts';
import { retryConflicts } from './write/retry-conflicts.ts';

/** The one implementation of SitrepStore: Kysely over better-sqlite3 or pg. */
export async function openKyselyStore(config: StoreConfig): Promise<SitrepStore> {
  const stats: StoreStats = { calls: 0, queries: 0 };
  const listeners = new Set<(event: QueryEvent) => void>();
  const onLog = (event: LogEvent) => {
    stats.queries++;
    if (listeners.size === 0) return;
    const q = { sql: event.query.sql, durationMs: event.queryDurationMillis };
    for (const l of listeners) l(q);
  };
  const root = await connect(config, onLog);
  const engine: Engine = config.engine;
  try {
    await migrateToLatest(
      root as unknown as Kysely<unknown>,
      engine,
      config.engine === 'postgres' ? (config.schema ?? 'public') : undefined,
    );
  } catch (error) {
    await root.destroy();
    throw error;
  }
  const call = () => {
    stats.calls++;
  };
  const changes = watchChanges(config, root);
  const lock = clusteringLock(config, root);
  return storeOver(root, null);

  /**
   * The store's methods over `db`: the root database, or one snapshot's connection (`snapshot`,
   * whose store reads it and whose own `snapshot` is itself).
   */
  function storeOver(db: Kysely<Database>, snapshot: 'snapshot' | null): SitrepStore {
    const byIds = <T>(
      table: 'articles' | 'claims' | 'events' | 'places' | 'actors' | 'outlets',
      ids: readonly string[],
    ) => recordsByIds<T>(db, table, ids);

    const store: SitrepStore = {
      engine,
      stats,
      sendLog: sendLog(db, call),
      feeds: feedStore(db, call),
      subscribers: subscriberStore(db, call),
      clustering: clusteringStore(db, call, lock),
      onQuery(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onDataChanged(listener) {
        return changes.subscribe(listener);
      },
      async ingestArticles(records) {
        call();
        return retryConflicts(() => ingestArticles(db, records));
      },
      async eventsReplacedBy(records) {
        call();
        return eventsReplacedBy(db, records);
      },
      async upsertPlaces(places) {
        call();
        await upsertPlaces(db, engine, places);
      },
      async upsertActors(actors) {
        call();
        await upsertActors(db, actors);
      },
      async upsertOutlets(outlets) {
        call();
        await upsertOutlets(db, outlets);
      },
      async listEvents(filter = {}, page = {}, records) {
        call();
        return listEvents(db, engine, filter, page, records);
      },
      async eventsByIds(ids) {
        call();
        return byIds('events', ids);
      },
      async listArticles(filter = {}, page = {}) {
        call();
        return listArticles(db, engine, filter, page);
      },
      async articlesByIds(ids) {
        call();
        return byIds('articles', ids);
      },
      async claimsByIds(ids) {
        call();
        return byIds('claims', ids);
      },
      async claimsForEvents(eventIds) {
        call();
        const events = await byIds<{ claimIds: string[] }>('events', eventIds);
        const claims = await byIds<Claim>(
          'claims',
          events.flatMap((e) => e?.claimIds ?? []),
        );
        const byId = new Map(claims.flatMap((c) => (c ? [[c.id, c] as const] : [])));
        return events.map((e) => (e?.claimIds ?? []).flatMap((id) => byId.get(id) ?? []));
      },
      async claimsForArticles(articleIds) {
        call();
        return recordsForArticles(db, 'claims', articleIds);
      },
      async eventsForArticles(articleIds) {
        call();
        return recordsForArticles(db, 'events', articleIds);
      },
      async replaceCanonicalEvents(events) {
        call();
        // under the clustering lock like any clustering step, so its change-feed rows are
        // numbered in commit order with theirs (PostgreSQL hands out identities at insert)
        await lock.run(() => replaceCanonicalEvents(db, events));
      },
      async listCanonicalEvents(filter = {}, page = {}) {
        call();
        return listCanonicalEvents(db, filter, page);
      },
      async canonicalEventsByIds(ids) {
        call();
        return canonicalRecords(db, ids);
      },
      async changes(args = {}) {
        call();
        return listChanges(db, args);
      },
      async changesCursor() {
        call();
        return latestChangeCursor(db);
      },
      async canonicalEventsForEvents(eventIds) {
        call();
        return canonicalForEvents(db, eventIds);
      },
      scanCanonicalEvents(filter = {}, args = {}) {
        call();
        return scanCanonicalEvents(db, filter, args.batch);
      },
      scanCanonicalExportFacts(filter = {}, args = {}) {
        call();
        return scanCanonicalExportFacts(db, filter, args.batch);
      },
      async canonicalExportFacts(ids) {
        call();
        return canonicalExportFactsByIds(db, ids);
      },
      scanEvents(filter = {}, args = {}) {
        call();
        return scanEvents(db, engine, filter, args.batch);
      },
      async canonicalEventFacets(filter = {}) {
        call();
        return canonicalFacetRows(db, filter);
      },
      async eventFacets(filter = {}) {
        call();
        return eventFacetRows(db, engine, filter);
      },
      async articleSources(ids) {
        call();
        return articleSources(db, ids);
      },
      async placesByIds(ids) {
        call();
        return byIds('places', ids);
      },
      async listPlaces(args = {}) {
        call();
        return listNamed(db, 'places', args);
      },
      async findPlaceIds(text) {
        call();
        return findPlaceIds(db, text);
      },
      async actorsByIds(ids) {
        call();
        return byIds('actors', ids);
      },
      async listActors(args = {}) {
        call();
        return listNamed(db, 'actors', args);
      },
      async outletsByIds(ids) {
        call();
        return byIds('outlets', ids);
      },
      async listOutlets() {
        call();
        return listNamed(db, 'outlets', { first: 5000 });
      },
      async search(text, first = 20) {
        call();
        return searchDocs(db, engine, text, first);
      },
      async timeline(args = {}) {
        call();
        return timeline(db, args);
      },
      async dailyAggregates(args = {}) {
        call();
        return dailyAggregates(db, args);
      },
      async digestData(date) {
        call();
        return digestData(db, (table, ids) => byIds(table, ids), date);
      },
      async counts() {
        call();
        const tables = ['articles', 'claims', 'events', 'places', 'actors', 'outlets'] as const;
        const out = {} as Record<(typeof tables)[number], number>;
        for (const t of tables) {
          const row = await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          out[t] = Number(row.n);
        }
        return out;
      },
      async optimize() {
        call();
        if (engine === 'sqlite') await sql`pragma optimize`.execute(db);
        else
          for (const t of ['articles', 'claims', 'events', 'event_actors', 'place_ancestors', 'search_docs'])
            await sql`analyze ${sql.table(t)}`.execute(db);
      },
      async ping() {
        call();
        try {
          await sql`select 1`.execute(db);
        } catch (error) {
          throw new SitrepError(
            'STORE_UNAVAILABLE',
            `the ${engine} database does not answer; check it is running`,
            {
              cause: error,
            },
          );
        }
      },
      async snapshot(read) {
        call();
        if (snapshot) return read(store);
        return readSnapshot(db, engine, (bound) => read(storeOver(bound, 'snapshot')));
      },
      async close() {
        if (snapshot) throw new Error('close the store, not a snapshot of it');
        await changes.close();
        lock.close();
        await db.destroy();
      },
    };
    return store;
  }
}
