import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, Engine } from '../db/tables.ts';
import type { SearchHit, SearchHitKind } from '../query-types.ts';

/**
 * User text → plain words. Everything that is not a letter or digit is a separator, so FTS5
 * operators (AND, OR, NOT, NEAR, *, -, ^, quotes, parentheses, column filters) never reach the
 * engine as syntax. Words are then quoted for FTS5, or given to plainto_tsquery on PostgreSQL.
 */
export function plainWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

function fts5Query(words: string[]): string {
  return words.map((w) => `"${w}"`).join(' ');
}

/** SQL for "the ids of `docType` documents matching the words" (empty words → matches nothing). */
export function matchingDocIds(engine: Engine, docType: SearchHitKind, words: string[]): RawBuilder<string> {
  if (words.length === 0) return sql<string>`(select null where 1 = 0)`;
  if (engine === 'sqlite')
    return sql<string>`(select d.doc_id from search_fts f join search_docs d on d.id = f.rowid
      where search_fts match ${fts5Query(words)} and d.doc_type = ${docType})`;
  return sql<string>`(select doc_id from search_docs
    where tsv @@ plainto_tsquery('english', ${words.join(' ')}) and doc_type = ${docType})`;
}

interface HitRow {
  doc_type: string;
  doc_id: string;
  article_id: string;
  score: number | string;
  snippet: string;
}

/** Ranked hits across articles, claims and events. */
export async function searchDocs(
  db: Kysely<Database>,
  engine: Engine,
  text: string,
  first: number,
): Promise<SearchHit[]> {
  const words = plainWords(text);
  if (words.length === 0 || first <= 0) return [];
  const limit = Math.min(first, 200);
  const query =
    engine === 'sqlite'
      ? // bm25() is lower-is-better; negate it so every engine returns higher-is-better.
        sql<HitRow>`select d.doc_type, d.doc_id, d.article_id, -bm25(search_fts) as score,
          snippet(search_fts, 0, '[', ']', '…', 16) as snippet
          from search_fts f join search_docs d on d.id = f.rowid
          where search_fts match ${fts5Query(words)}
          order by bm25(search_fts), d.doc_id limit ${limit}`
      : sql<HitRow>`with q as (select plainto_tsquery('english', ${words.join(' ')}) as q),
          top as (select d.doc_type, d.doc_id, d.article_id, d.body, ts_rank(d.tsv, q.q) as score, q.q
            from search_docs d, q where d.tsv @@ q.q order by score desc, d.doc_id limit ${limit})
          select doc_type, doc_id, article_id, score,
            ts_headline('english', body, q, 'StartSel=[,StopSel=],MaxWords=16,MinWords=6') as snippet
          from top order by score desc, doc_id`;
  const { rows } = await query.execute(db);
  return rows.map((r) => ({
    kind: r.doc_type as SearchHitKind,
    id: r.doc_id,
    articleId: r.article_id,
    score: Number(r.score),
    snippet: r.snippet,
  }));
}
