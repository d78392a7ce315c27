import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { StoreConfig } from '../src/config.ts';

/**
 * Everything a store holds, as comparable rows: every table ordered by its key, search rows
 * without their surrogate ids (PostgreSQL sequences skip numbers after a rollback, which is
 * not a difference in content). The migration bookkeeping and the send log are left out.
 */
const TABLES: [string, string][] = [
  ['articles', 'id'],
  ['claims', 'id'],
  ['events', 'id'],
  ['event_records', 'id'],
  ['event_actors', 'event_id, actor_id, role'],
  ['places', 'id'],
  ['place_ancestors', 'ancestor_id, place_id'],
  ['actors', 'id'],
  ['outlets', 'id'],
];
const SEARCH = 'select doc_type, doc_id, article_id, body from search_docs order by doc_type, doc_id';

export async function dumpStore(config: StoreConfig): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  if (config.engine === 'sqlite') {
    const db = new BetterSqlite3(config.file, { readonly: true });
    try {
      for (const [t, key] of TABLES) out[t] = db.prepare(`select * from ${t} order by ${key}`).all();
      out.search_docs = db.prepare(SEARCH).all();
      // The FTS index must agree with its content table row for row.
      out.fts_rows = db.prepare('select count(*) as n from search_fts').all();
    } finally {
      db.close();
    }
    return out;
  }
  const client = new pg.Client({ connectionString: config.url, options: `-c search_path=${config.schema}` });
  await client.connect();
  try {
    for (const [t, key] of TABLES) out[t] = (await client.query(`select * from ${t} order by ${key}`)).rows;
    out.search_docs = (await client.query(SEARCH)).rows;
    out.fts_rows = (
      await client.query('select count(*)::int as n from search_docs where tsv is not null')
    ).rows;
  } finally {
    await client.end();
  }
  return out;
}

export async function countArticles(config: StoreConfig): Promise<number> {
  try {
    if (config.engine === 'sqlite') {
      const db = new BetterSqlite3(config.file, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('select count(*) as n from articles').get() as { n: number }).n;
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({
      connectionString: config.url,
      options: `-c search_path=${config.schema}`,
    });
    await client.connect();
    try {
      return Number((await client.query('select count(*) as n from articles')).rows[0].n);
    } finally {
      await client.end();
    }
  } catch {
    return 0; // not created yet: the child is still migrating
  }
}

/**
 * Rows of a SQLite store pointing at an article (or event, or search row) that is not there, per
 * table, and FTS rows beyond their content table's: every count must always be zero.
 */
export function orphanRows(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      claims: count('select count(*) as n from claims where article_id not in (select id from articles)'),
      events: count('select count(*) as n from events where article_id not in (select id from articles)'),
      eventRecords: count('select count(*) as n from event_records where id not in (select id from events)'),
      searchDocs: count(
        'select count(*) as n from search_docs where article_id not in (select id from articles)',
      ),
      ftsRows: count('select count(*) as n from search_fts') - count('select count(*) as n from search_docs'),
    };
  } finally {
    db.close();
  }
}
