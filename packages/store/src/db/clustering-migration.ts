import type { Kysely } from 'kysely';

/**
 * Migration 0003: what incremental clustering keeps between ingests. Each clustered mention is
 * stored whole (`mention_records`: the event with its article's outlet, date, credits and
 * claims, kept even after its article is replaced, so it can be taken out of its cluster) and
 * filed under its block rows (`mention_blocks`: key plus day range), so a new article reads only
 * the mentions it could be linked to. `clustering_meta` names the clustering version the rows
 * were written by; an empty or older one makes the next ingest rebuild everything.
 */
export async function clusteringState(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mention_records')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('origin_key', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mention_records_origin')
    .on('mention_records')
    .columns(['origin_key'])
    .execute();
  await db.schema
    .createTable('mention_blocks')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('from_day', 'integer', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .execute();
  // a lookup is one key and a bounded from_day range; the rest of the row rides in the index
  await db.schema
    .createIndex('mention_blocks_lookup')
    .on('mention_blocks')
    .columns(['key', 'from_day', 'to_day', 'event_id'])
    .execute();
  await db.schema.createIndex('mention_blocks_event').on('mention_blocks').columns(['event_id']).execute();
  await db.schema
    .createTable('clustering_meta')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
