import type { Kysely } from 'kysely';

/**
 * Migration 0004: dates borrowed across articles (`inferDatesFromQuotes`, @sitrep/cluster).
 * `article_quotes` files every article under the shingles of its quotes, so a new article
 * finds the few articles it shares a quote with; `article_dates` has one row per article the
 * inference has seen, holding the borrowed publication date (basis `cluster`) or null.
 */
export async function articleDates(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_quotes')
    .addColumn('shingle', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_quotes_shingle')
    .on('article_quotes')
    .columns(['shingle', 'article_id'])
    .execute();
  await db.schema
    .createIndex('article_quotes_article')
    .on('article_quotes')
    .columns(['article_id'])
    .execute();
  await db.schema
    .createTable('article_dates')
    .addColumn('article_id', 'text', (c) => c.primaryKey())
    .addColumn('origin_key', 'text', (c) => c.notNull())
    .addColumn('record', 'text')
    .execute();
  await db.schema.createIndex('article_dates_origin').on('article_dates').columns(['origin_key']).execute();
}
