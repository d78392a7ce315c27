import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { severityOf } from './article-rows.ts';
import { deleteExportFacts, insertExportFacts } from './canonical-export-facts.ts';
import { derivedChanges, recordChanges } from './change-rows.ts';
import { chunkIds } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

/**
 * Inserts canonical events: the narrow filter row, the JSON record, the export facts and one
 * link per mention.
 */
export async function insertCanonicalEvents(
  trx: Transaction<Database>,
  events: readonly CanonicalEvent[],
): Promise<void> {
  const rows = events.map((e) => {
    const killed = e.figures.killed?.best ?? null;
    const injured = e.figures.injured?.best ?? null;
    return {
      id: e.id,
      kind: e.kind,
      family: e.family,
      start_date: e.occurred.start,
      end_date: e.occurred.end,
      sort_date: e.occurred.start ?? '',
      place_id: e.location?.placeId ?? null,
      killed,
      injured,
      severity: severityOf(killed, injured),
      disputed: e.disputed ? 1 : 0,
      independent_sources: e.corroboration.independentSources,
    };
  });
  await insertRows(trx, 'canonical_events', rows);
  const records = events.map((e) => ({ id: e.id, record: JSON.stringify(e) }));
  await insertRows(trx, 'canonical_records', records);
  await insertExportFacts(trx, events);
  const mentions = new Map<string, string>();
  for (const e of events) for (const m of e.mentions) mentions.set(m.eventId, e.id);
  const links = [...mentions].map(([event_id, canonical_id]) => ({ event_id, canonical_id }));
  for (const part of chunkIds([...mentions.keys()]))
    await trx.deleteFrom('canonical_mentions').where('event_id', 'in', part).execute();
  await insertRows(trx, 'canonical_mentions', links);
}

/** Deletes canonical events by id, with their records, export facts and mention links. */
export async function deleteCanonicalEvents(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<void> {
  await deleteExportFacts(trx, ids);
  for (const part of chunkIds(ids)) {
    await trx.deleteFrom('canonical_mentions').where('canonical_id', 'in', part).execute();
    await trx.deleteFrom('canonical_records').where('id', 'in', part).execute();
    await trx.deleteFrom('canonical_events').where('id', 'in', part).execute();
  }
}

/** Every canonical table emptied (children first), for a write that replaces the whole set. */
export async function deleteAllCanonicalEvents(trx: Transaction<Database>): Promise<void> {
  for (const table of [
    'canonical_mentions',
    'canonical_export_facts',
    'canonical_records',
    'canonical_events',
  ] as const)
    await trx.deleteFrom(table).execute();
}

/**
 * Replaces the whole clustering result in one transaction (readers see the old set or the new
 * one, never a mix). A result written this way comes without the mention and block rows
 * incremental clustering keeps, so the stored clustering version is cleared: the next ingest
 * rebuilds those from scratch instead of updating from rows that no longer match. The change
 * feed gets what the replacement did, worked out against the stored set (`derivedChanges`), so
 * a client syncing through `changes` sees it like any clustering step.
 */
export async function replaceCanonicalEvents(
  db: Kysely<Database>,
  events: readonly CanonicalEvent[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changes = await derivedChanges(trx, events, 'all');
    await deleteAllCanonicalEvents(trx);
    await trx.deleteFrom('clustering_meta').execute();
    await insertCanonicalEvents(trx, events);
    await recordChanges(trx, changes);
  });
}
