import type { PublishedAt } from '@sitrep/schema/article';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { readInChunks } from '../write/chunks.ts';

// The reads of cross-article date inference: who shares a quote with whom, and what was borrowed.

/** Of these articles, those the inference has already seen (a row in article_dates). */
export async function seenArticles(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await readInChunks(ids, (part) =>
    db.selectFrom('article_dates').select('article_id').where('article_id', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.article_id));
}

/** Articles the inference has seen from these origins (a replaced article's old id among them). */
export async function articlesOfOrigins(
  db: Kysely<Database>,
  originKeys: readonly string[],
): Promise<string[]> {
  const rows = await readInChunks(originKeys, (part) =>
    db.selectFrom('article_dates').select('article_id').where('origin_key', 'in', part).execute(),
  );
  return rows.map((r) => r.article_id);
}

/** Articles filed under any of these quote shingles. */
export async function quoteNeighbours(db: Kysely<Database>, shingles: readonly string[]): Promise<string[]> {
  const rows = await readInChunks(
    shingles,
    (part) =>
      db.selectFrom('article_quotes').select('article_id').distinct().where('shingle', 'in', part).execute(),
    1000,
  );
  return [...new Set(rows.map((r) => r.article_id))];
}

/** The quote shingles each of these articles is filed under. */
export async function quoteShingles(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await readInChunks(ids, (part) =>
    db
      .selectFrom('article_quotes')
      .select(['article_id', 'shingle'])
      .where('article_id', 'in', part)
      .execute(),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.shingle]);
  return out;
}

/** The borrowed publication date of each article, in the order asked; null when none. */
export async function inferredDates(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(PublishedAt | null)[]> {
  if (ids.length === 0) return [];
  const rows = await readInChunks(ids, (part) =>
    db
      .selectFrom('article_dates')
      .select(['article_id', 'record'])
      .where('article_id', 'in', part)
      .where('record', 'is not', null)
      .execute(),
  );
  const byId = new Map(rows.map((r) => [r.article_id, JSON.parse(r.record as string) as PublishedAt]));
  return ids.map((id) => byId.get(id) ?? null);
}
