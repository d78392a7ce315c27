import { type Kysely, sql } from 'kysely';
import type { Engine } from './tables.ts';

/**
 * Migration 0012: the change feed over canonical ids. One row per change a clustering step made
 * to a canonical event (created, updated, merged into another, removed), numbered in commit
 * order: clustering steps run one at a time (db/clustering-lock.ts), so a step's rows are
 * numbered after every row of the steps before it. `seq` is what `changes(after:)` cursors
 * carry; an id's first row also dates it, which decides the surviving id of a merge.
 * The canonical events already stored are recorded as created, oldest first, so a client
 * starting from no cursor reads the whole record.
 */
export async function changeFeed(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const autoId =
    engine === 'sqlite'
      ? sql`integer primary key autoincrement`
      : sql`bigint generated always as identity primary key`;
  await db.schema
    .createTable('canonical_changes')
    .addColumn('seq', autoId)
    .addColumn('canonical_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canonical_changes_id')
    .on('canonical_changes')
    .columns(['canonical_id', 'seq'])
    .execute();
  const now = new Date().toISOString();
  await sql`insert into canonical_changes (canonical_id, change, changed_at)
    select id, 'created', ${now} from canonical_events order by sort_date, id`.execute(db);
}
