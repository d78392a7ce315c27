import {
  articleQuoteShingles,
  type DatedArticle,
  inferDatesFromQuotes,
} from '@sitrep/cluster/infer-dates-from-quotes';
import type { Article, PublishedAt } from '@sitrep/schema/article';
import { originKey } from '@sitrep/store/origin-key';
import { MAX_PAGE } from '@sitrep/store/query-types';
import type { SitrepStore } from '@sitrep/store/store';

/**
 * Cross-article dates kept in the store: an article with a weak publication date borrows the
 * day of a well-dated article it shares an exact quote with (`inferDatesFromQuotes`: basis
 * `cluster`, 0.6 of the donor's confidence, a reason naming the donor and the quote). The
 * borrowed date never replaces the article's own record; the API shows it as `publishedAt`.
 * Events are not re-dated: their dates were read against the article's own date.
 */

async function withClaims(store: SitrepStore, articles: readonly Article[]): Promise<DatedArticle[]> {
  const claims = await store.claimsForArticles(articles.map((a) => a.id));
  return articles.map((a, i) => ({ id: a.id, publishedAt: a.publishedAt, claims: claims[i]! }));
}

async function load(store: SitrepStore, ids: readonly string[]): Promise<DatedArticle[]> {
  const found = (await store.articlesByIds(ids)).filter((a) => a !== null);
  return withClaims(store, found);
}

/**
 * After a batch: files its new articles under their quote shingles, drops its origins'
 * replaced articles, and decides again every article sharing a quote with either (reading
 * those articles' own quote-mates too, so each decision sees all its possible donors).
 * Returns how many articles were decided; 0 when the batch was already seen.
 */
export async function inferArticleDates(store: SitrepStore, articles: readonly Article[]): Promise<number> {
  const c = store.clustering;
  const ids = new Set(articles.map((a) => a.id));
  const seen = await c.seenArticles([...ids]);
  const fresh = await withClaims(
    store,
    articles.filter((a) => !seen.has(a.id)),
  );
  const old = (await c.articlesOfOrigins(articles.map(originKey))).filter((id) => !ids.has(id));
  const present = await store.articlesByIds(old);
  const removed = old.filter((_, i) => present[i] === null);
  if (fresh.length === 0 && removed.length === 0) return 0;
  const gone = new Set(removed);
  const freshShingles = new Map(fresh.map((a) => [a.id, articleQuoteShingles(a)]));
  const removedShingles = [...(await c.quoteShingles(removed)).values()].flat();
  const touched = [...freshShingles.values()].flat().concat(removedShingles);
  const decide = new Set([...(await c.quoteNeighbours(touched)), ...freshShingles.keys()]);
  for (const id of gone) decide.delete(id);
  const stored = await c.quoteShingles([...decide].filter((id) => !freshShingles.has(id)));
  const mates = await c.quoteNeighbours([...stored.values(), ...freshShingles.values()].flat());
  const others = [...new Set([...decide, ...mates])].filter((id) => !gone.has(id) && !freshShingles.has(id));
  const inferred = inferDatesFromQuotes([...fresh, ...(await load(store, others))]);
  const byId = new Map(inferred.map((d) => [d.articleId, d.publishedAt]));
  const originOf = new Map(articles.map((a) => [a.id, originKey(a)]));
  await c.applyDates({
    clear: false,
    removeArticles: removed,
    addArticles: fresh.map((a) => ({
      articleId: a.id,
      originKey: originOf.get(a.id) as string,
      shingles: freshShingles.get(a.id) ?? [],
    })),
    dates: [...decide].sort().map((id): [string, PublishedAt | null] => [id, byId.get(id) ?? null]),
  });
  return decide.size;
}

/** A stored article as date inference reads it, with its origin key. */
export interface StoredArticle {
  article: DatedArticle;
  originKey: string;
}

/** Every stored article as date inference reads it, page by page, in PUBLISHED_ASC order. */
async function readAll(store: SitrepStore): Promise<StoredArticle[]> {
  const all: StoredArticle[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listArticles({}, { first: MAX_PAGE, after, orderBy: 'PUBLISHED_ASC' });
    const dated = await withClaims(store, page.nodes);
    for (const [i, a] of page.nodes.entries()) all.push({ article: dated[i]!, originKey: originKey(a) });
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return all;
}

/** Whether every article is filed under exactly the quote shingles its claims give now. */
async function sameShingles(store: SitrepStore, all: readonly StoredArticle[]): Promise<boolean> {
  const filed = await store.clustering.quoteShingles(all.map((a) => a.article.id));
  const key = (xs: readonly string[]) => [...new Set(xs)].sort().join('\u0000');
  return all.every((a) => key(filed.get(a.article.id) ?? []) === key(articleQuoteShingles(a.article)));
}

/**
 * Every article's borrowed date from scratch (the repair path). Writes nothing when the store
 * already holds exactly these dates for exactly these articles. Returns whether it wrote.
 * `articles`: every stored article, already read (in PUBLISHED_ASC order) by the caller.
 */
export async function rebuildArticleDates(
  store: SitrepStore,
  articles?: readonly StoredArticle[],
): Promise<boolean> {
  const all = articles ?? (await readAll(store));
  const byId = new Map(
    inferDatesFromQuotes(all.map((a) => a.article)).map((d) => [d.articleId, d.publishedAt]),
  );
  const ids = all.map((a) => a.article.id);
  const seen = await store.clustering.seenArticles(ids);
  const stored = await store.clustering.inferredDates(ids);
  const same =
    seen.size === ids.length &&
    ids.every((id, i) => JSON.stringify(stored[i] ?? null) === JSON.stringify(byId.get(id) ?? null)) &&
    // the same dates from other quotes (a re-extracted article) must still refile its shingles
    (await sameShingles(store, all));
  if (same) return false;
  await store.clustering.applyDates({
    clear: true,
    removeArticles: [],
    addArticles: all.map((a) => ({
      articleId: a.article.id,
      originKey: a.originKey,
      shingles: articleQuoteShingles(a.article),
    })),
    dates: [...byId],
  });
  return true;
}
