import type { Kysely } from 'kysely';

/**
 * Migration 0011: the digest's subscribers, the addresses that must never be mailed again, and
 * the claims that let several `sitrep digest schedule` processes share one edition.
 * `email_key` is the address in lower case: one person, one row, whatever case they typed.
 * Filters are JSON (kinds, countries, places, actors, minimum killed): they are read whole per
 * subscriber and never queried by value. A suppression outlives its subscriber row and a
 * re-import, which is the point of keeping it in a table of its own. Times are ISO 8601 UTC.
 */
export async function subscribers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subscribers')
    .addColumn('email_key', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('send_hour', 'integer', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subscribers_status')
    .on('subscribers')
    .columns(['status', 'email_key'])
    .execute();
  await db.schema
    .createTable('suppressions')
    .addColumn('email_key', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('suppressed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('digest_claims')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_claims_pk', ['edition', 'email_key'])
    .execute();
}
