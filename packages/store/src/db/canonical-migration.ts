import type { Kysely } from 'kysely';

/**
 * Migration 0002: canonical events from cross-article clustering (@sitrep/cluster). Like
 * events, a narrow table to filter and sort on, the JSON record apart, and the mention links
 * (one canonical event per per-article event) so either side can be reached from the other.
 */
export async function canonicalEvents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('canonical_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('killed', 'double precision')
    .addColumn('injured', 'double precision')
    .addColumn('severity', 'double precision', (c) => c.notNull())
    .addColumn('disputed', 'integer', (c) => c.notNull())
    .addColumn('independent_sources', 'integer', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['canonical_date', ['sort_date', 'id']],
    ['canonical_severity', ['severity', 'id']],
    ['canonical_kind_date', ['kind', 'sort_date', 'id', 'end_date', 'place_id']],
    ['canonical_place_date', ['place_id', 'sort_date', 'id', 'end_date', 'kind']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('canonical_events')
      .columns([...columns])
      .execute();
  await db.schema
    .createTable('canonical_records')
    .addColumn('id', 'text', (c) => c.primaryKey().references('canonical_events.id').onDelete('cascade'))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('canonical_mentions')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('canonical_id', 'text', (c) =>
      c.notNull().references('canonical_events.id').onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('canonical_mentions_canonical')
    .on('canonical_mentions')
    .columns(['canonical_id'])
    .execute();
}
