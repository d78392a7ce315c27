import { type Kysely, sql } from 'kysely';
import type { Database, FeedsTable } from './db/tables.ts';
import type { FeedRecord, FeedStore } from './feed-types.ts';
import { chunkIds, chunksFor } from './write/chunks.ts';

/** The feeds `sitrep watch` polls and the item keys it has taken (migration 0007). */
export function feedStore(db: Kysely<Database>, count: () => void): FeedStore {
  return {
    async add(feed, now) {
      count();
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('feeds')
          .select('url')
          .where('url', '=', feed.url)
          .executeTakeFirst();
        if (existing) {
          const changes: Partial<FeedsTable> = {};
          if (feed.outlet !== undefined) changes.outlet = feed.outlet;
          if (feed.everySeconds !== undefined) changes.every_seconds = feed.everySeconds;
          if (Object.keys(changes).length > 0)
            await trx.updateTable('feeds').set(changes).where('url', '=', feed.url).execute();
          return 'updated' as const;
        }
        await trx
          .insertInto('feeds')
          .values({
            url: feed.url,
            outlet: feed.outlet ?? null,
            every_seconds: feed.everySeconds ?? 600,
            added_at: now,
            etag: null,
            last_modified: null,
            failures: 0,
            next_poll_at: now,
            last_polled_at: null,
            last_ok_at: null,
            last_error: null,
            moved_to: null,
          })
          .execute();
        return 'added' as const;
      });
    },
    async remove(url) {
      count();
      const result = await db.deleteFrom('feeds').where('url', '=', url).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list() {
      count();
      return (await withArticles(db).orderBy('feeds.url').execute()).map(toRecord);
    },
    async due(now) {
      count();
      const rows = await withArticles(db)
        .where('feeds.next_poll_at', '<=', now)
        .orderBy('feeds.next_poll_at')
        .orderBy('feeds.url')
        .execute();
      return rows.map(toRecord);
    },
    async knownKeys(keys) {
      count();
      const known = new Set<string>();
      for (const part of chunkIds([...new Set(keys)])) {
        const rows = await db.selectFrom('feed_items').select('key').where('key', 'in', part).execute();
        for (const r of rows) known.add(r.key);
      }
      return known;
    },
    async recordPoll(poll) {
      count();
      await db.transaction().execute(async (trx) => {
        const rows = poll.items.flatMap((item) =>
          [...new Set(item.keys)].map((key) => ({
            key,
            feed_url: poll.url,
            article_id: item.articleId,
            body: item.body,
            note: item.note,
            seen_at: poll.polledAt,
          })),
        );
        // A key met before (another feed, an earlier poll) keeps what was first recorded for it.
        for (const part of chunksFor(rows))
          await trx
            .insertInto('feed_items')
            .values(part)
            .onConflict((c) => c.column('key').doNothing())
            .execute();
        const changes: Partial<FeedsTable> = {
          failures: poll.failures,
          next_poll_at: poll.nextPollAt,
          last_polled_at: poll.polledAt,
          last_error: poll.lastError,
        };
        if (poll.ok) changes.last_ok_at = poll.polledAt;
        if (poll.validators) {
          changes.etag = poll.validators.etag;
          changes.last_modified = poll.validators.lastModified;
        }
        if (poll.movedTo !== undefined) changes.moved_to = poll.movedTo;
        await trx.updateTable('feeds').set(changes).where('url', '=', poll.url).execute();
      });
    },
  };
}

function withArticles(db: Kysely<Database>) {
  return db
    .selectFrom('feeds')
    .selectAll('feeds')
    .select((eb) =>
      eb
        .selectFrom('feed_items')
        .select(sql<number>`count(distinct article_id)`.as('n'))
        .whereRef('feed_items.feed_url', '=', 'feeds.url')
        .as('articles'),
    );
}

function toRecord(row: FeedsTable & { articles: number | string | null }): FeedRecord {
  return {
    url: row.url,
    outlet: row.outlet,
    everySeconds: Number(row.every_seconds),
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: Number(row.failures),
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    lastOkAt: row.last_ok_at,
    lastError: row.last_error,
    movedTo: row.moved_to,
    articles: Number(row.articles ?? 0),
  };
}
