import type { Kysely } from 'kysely';
import type { ArticleDatesWrite } from '../clustering-types.ts';
import type { Database } from '../db/tables.ts';
import { chunkIds } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

/**
 * One step of cross-article date inference, in one transaction: articles gone are dropped,
 * new ones filed under their quote shingles, and the borrowed dates of the articles the step
 * decided are set (or cleared). `clear` empties both tables first (a full rebuild).
 */
export async function applyArticleDates(db: Kysely<Database>, write: ArticleDatesWrite): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (write.clear) {
      await trx.deleteFrom('article_quotes').execute();
      await trx.deleteFrom('article_dates').execute();
    }
    for (const part of chunkIds(write.removeArticles)) {
      await trx.deleteFrom('article_quotes').where('article_id', 'in', part).execute();
      await trx.deleteFrom('article_dates').where('article_id', 'in', part).execute();
    }
    const quotes = write.addArticles.flatMap((a) =>
      a.shingles.map((shingle) => ({ shingle, article_id: a.articleId })),
    );
    await insertRows(trx, 'article_quotes', quotes);
    const added = write.addArticles.map((a) => ({
      article_id: a.articleId,
      origin_key: a.originKey,
      record: null,
    }));
    await insertRows(trx, 'article_dates', added);
    // Most decisions are "nothing to borrow": those are one statement per chunk.
    const none = write.dates.filter(([, d]) => d === null).map(([id]) => id);
    for (const part of chunkIds(none))
      await trx.updateTable('article_dates').set({ record: null }).where('article_id', 'in', part).execute();
    for (const [articleId, date] of write.dates)
      if (date)
        await trx
          .updateTable('article_dates')
          .set({ record: JSON.stringify(date) })
          .where('article_id', '=', articleId)
          .execute();
  });
}
