import type { Kysely } from 'kysely';

/**
 * Migration 0007: the feeds `sitrep watch` polls, and the items it has already taken from them.
 * `feeds` keeps each feed's conditional-GET validators and its schedule (backoff after errors,
 * the last error for `sitrep feeds list`). `feed_items` has one row per dedup key (guid, link,
 * canonical URL) so an item met again, in this feed or another, is not fetched twice; a feed's
 * removal leaves its keys, so adding it back does not re-read what is already stored.
 * Times are ISO 8601 UTC text (they sort as strings), as dates are elsewhere.
 */
export async function feeds(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('outlet', 'text')
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_ok_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('moved_to', 'text')
    .execute();
  await db.schema.createIndex('feeds_due').on('feeds').columns(['next_poll_at']).execute();
  await db.schema
    .createTable('feed_items')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('feed_url', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text')
    .addColumn('body', 'text')
    .addColumn('note', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_items_feed').on('feed_items').columns(['feed_url']).execute();
}
