import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Kysely } from 'kysely';
import { insertExportFacts } from '../write/canonical-export-facts.ts';
import type { Database } from './tables.ts';

/** Canonical events backfilled per statement batch: bounds memory on a store of any size. */
const BACKFILL_BATCH = 2_000;

/**
 * Migration 0013: one JSON of export facts per canonical event (`CanonicalExportFacts`),
 * written with the event. A bulk export then reads one small JSON per event in one keyset scan,
 * where it read the whole record, every member report's record and the articles (profiled at
 * about a quarter of the export's rows per CPU-second of what the facts give).
 * The canonical events already stored get theirs here, in batches by id.
 */
export async function canonicalExportFacts(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as Kysely<Database>;
  await db.schema
    .createTable('canonical_export_facts')
    .addColumn('id', 'text', (c) => c.primaryKey().references('canonical_events.id').onDelete('cascade'))
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();
  // An export of everything walks this index alone, without the join to canonical_events a
  // filter needs: a third of the scan's time on 95k events.
  await db.schema
    .createIndex('canonical_export_facts_date')
    .on('canonical_export_facts')
    .columns(['sort_date', 'id'])
    .execute();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('canonical_records')
      .select(['id', 'record'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_BATCH)
      .execute();
    if (rows.length === 0) return;
    await insertExportFacts(
      db,
      rows.map((r) => JSON.parse(r.record) as CanonicalEvent),
    );
    after = rows[rows.length - 1]!.id;
  }
}
