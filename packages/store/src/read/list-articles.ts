import type { Article } from '@sitrep/schema/article';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, Engine } from '../db/tables.ts';
import type { ArticleFilter, ArticleOrder, Connection, PageArgs } from '../query-types.ts';
import { badInput } from './cursor.ts';
import { matchingDocIds, plainWords } from './full-text.ts';
import { keysetPage } from './keyset-page.ts';
import { checkDate } from './list-events.ts';
import { placeScope } from './place-scope.ts';

const ORDERS: Record<ArticleOrder, { desc: boolean }> = {
  PUBLISHED_DESC: { desc: true },
  PUBLISHED_ASC: { desc: false },
};

function articleWhere(
  eb: ExpressionBuilder<Database, 'articles'>,
  filter: ArticleFilter,
  engine: Engine,
): Expression<SqlBool> {
  checkDate(filter.from, 'from');
  checkDate(filter.to, 'to');
  const all: Expression<SqlBool>[] = [];
  if (filter.from) all.push(eb('articles.published_date', '>=', filter.from));
  if (filter.to) all.push(eb('articles.published_date', '<=', filter.to));
  if (filter.outlet) all.push(eb('articles.outlet_id', '=', filter.outlet));
  if (filter.text !== undefined)
    all.push(eb('articles.id', 'in', matchingDocIds(engine, 'article', plainWords(filter.text))));
  const places = placeScope('events.place_id', { placeId: filter.placeId, placeIds: filter.placeIds });
  if (places.length)
    all.push(
      eb('articles.id', 'in', eb.selectFrom('events').select('events.article_id').where(eb.and(places))),
    );
  return eb.and(all);
}

export function listArticles(
  db: Kysely<Database>,
  engine: Engine,
  filter: ArticleFilter,
  page: PageArgs<ArticleOrder>,
): Promise<Connection<Article>> {
  const orderName = page.orderBy ?? 'PUBLISHED_DESC';
  const order = ORDERS[orderName];
  if (!order) throw badInput(`orderBy must be one of ${Object.keys(ORDERS).join(', ')}`);
  return keysetPage<Article>(
    {
      async fetch(bound, dir, limit) {
        const rows = await db
          .selectFrom('articles')
          .select(['articles.id', 'articles.sort_date as key', 'articles.record'])
          .where((eb) => articleWhere(eb, filter, engine))
          .$if(bound !== null, (q) =>
            q.where(({ eb, refTuple, tuple }) =>
              eb(
                refTuple('articles.sort_date', 'articles.id'),
                bound!.op,
                tuple(String(bound!.key), bound!.id),
              ),
            ),
          )
          .orderBy('articles.sort_date', dir)
          .orderBy('articles.id', dir)
          .limit(limit)
          .execute();
        return rows.map((r) => ({ key: r.key, id: r.id, node: JSON.parse(r.record) as Article }));
      },
      async count() {
        const row = await db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => articleWhere(eb, filter, engine))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    },
    page,
    { name: orderName, desc: order.desc },
  );
}
