import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/tables.ts';
import { placeNameKey } from '../place-keys.ts';
import { chunkIds } from '../write/chunks.ts';
import { placeAndInside } from './place-and-inside.ts';

type RecordTable = 'articles' | 'claims' | 'events' | 'places' | 'actors' | 'outlets';

/** One query per batch (dataloader-friendly); results follow `ids`, null where unknown. */
export async function recordsByIds<T>(
  db: Kysely<Database>,
  table: RecordTable,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const found = new Map<string, T>();
  for (const part of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom(table === 'events' ? 'event_records' : table)
      .select(['id', 'record'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.record) as T);
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** Children of several articles at once, grouped per article in document order. */
export async function recordsForArticles<T>(
  db: Kysely<Database>,
  table: 'claims' | 'events',
  articleIds: readonly string[],
): Promise<T[][]> {
  const grouped = new Map<string, T[]>();
  for (const part of chunkIds([...new Set(articleIds)])) {
    const rows =
      table === 'claims'
        ? await db
            .selectFrom('claims')
            .select(['article_id', 'record'])
            .where('article_id', 'in', part)
            .orderBy('article_id')
            .orderBy('ord')
            .execute()
        : await db
            .selectFrom('events')
            .innerJoin('event_records', 'event_records.id', 'events.id')
            .select(['events.article_id', 'event_records.record'])
            .where('events.article_id', 'in', part)
            .orderBy('events.article_id')
            .orderBy('events.ord')
            .execute();
    for (const r of rows) {
      const list = grouped.get(r.article_id) ?? [];
      list.push(JSON.parse(r.record) as T);
      grouped.set(r.article_id, list);
    }
  }
  return articleIds.map((id) => grouped.get(id) ?? []);
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reference entities by name or alias, case-insensitive substring; exact name matches first. */
export async function listNamed<T>(
  db: Kysely<Database>,
  table: 'places' | 'actors' | 'outlets',
  args: { search?: string; first?: number; within?: string },
): Promise<T[]> {
  const search = args.search?.trim().toLowerCase();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name', 'record'])
    .$if(Boolean(search) && table !== 'places', (q) =>
      q.where(sql<boolean>`search_names like ${likeContains(search!)} escape '\\'`),
    )
    // places also by their folded names (migration 0008), so "hamah" finds "Ḩamāh"
    .$if(Boolean(search) && table === 'places', (q) =>
      q.where(
        sql<boolean>`(search_names like ${likeContains(search!)} escape '\\' or id in (select place_id from place_names where name_key like ${likeContains(placeNameKey(search!))} escape '\\'))`,
      ),
    )
    .$if(Boolean(args.within) && table === 'places', (q) => q.where('id', 'in', placeAndInside(args.within!)))
    .orderBy('name')
    .orderBy('id')
    .limit(Math.min(args.first ?? 1000, 5000))
    .execute();
  const records = rows.map((r) => ({ name: r.name, record: JSON.parse(r.record) as T }));
  if (search)
    records.sort((a, b) => Number(b.name.toLowerCase() === search) - Number(a.name.toLowerCase() === search));
  return records.map((r) => r.record);
}
