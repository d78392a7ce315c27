import type { Kysely } from 'kysely';
import type { BlockRow, MentionRecord } from '../clustering-types.ts';
import type { Database } from '../db/tables.ts';
import { chunkIds, readInChunks } from '../write/chunks.ts';

// The reads incremental clustering makes: a new mention's block-mates, and whole clusters.

/** Lookups per statement: each is three bound values, far under both engines' limits. */
const LOOKUPS_PER_QUERY = 400;

/**
 * Ids of stored mentions filed under a row with a lookup's key and an overlapping day range.
 * A stored range spans at most `maxRowDays` days (the clustering's bound), so each lookup is one
 * bounded index range (key, from_day) — never a scan of a busy key's whole history.
 */
export async function blockCandidates(
  db: Kysely<Database>,
  lookups: readonly BlockRow[],
  maxRowDays: number,
): Promise<string[]> {
  const unique = [...new Map(lookups.map((l) => [`${l.key}\u0000${l.from}\u0000${l.to}`, l])).values()];
  const out = new Set<string>();
  for (let i = 0; i < unique.length; i += LOOKUPS_PER_QUERY) {
    const part = unique.slice(i, i + LOOKUPS_PER_QUERY);
    const rows = await db
      .selectFrom('mention_blocks')
      .select('event_id')
      .distinct()
      .where((eb) =>
        eb.or(
          part.map((l) =>
            eb.and([
              eb('key', '=', l.key),
              eb('from_day', '>=', l.from - maxRowDays),
              eb('from_day', '<=', l.to),
              eb('to_day', '>=', l.from),
            ]),
          ),
        ),
      )
      .execute();
    for (const r of rows) out.add(r.event_id);
  }
  return [...out];
}

/** The clusters these stored mentions belong to, whole: every member's stored mention record. */
export async function clustersOf(
  db: Kysely<Database>,
  eventIds: readonly string[],
): Promise<{ mentions: MentionRecord[]; clusters: string[][] }> {
  const canonicalIds = new Set<string>();
  for (const part of chunkIds([...new Set(eventIds)])) {
    const rows = await db
      .selectFrom('canonical_mentions')
      .select('canonical_id')
      .where('event_id', 'in', part)
      .execute();
    for (const r of rows) canonicalIds.add(r.canonical_id);
  }
  const members = new Map<string, string[]>();
  for (const part of chunkIds([...canonicalIds])) {
    const rows = await db
      .selectFrom('canonical_mentions')
      .select(['canonical_id', 'event_id'])
      .where('canonical_id', 'in', part)
      .execute();
    for (const r of rows) members.set(r.canonical_id, [...(members.get(r.canonical_id) ?? []), r.event_id]);
  }
  const ids = [...members.values()].flat();
  const mentions: MentionRecord[] = [];
  for (const part of chunkIds(ids)) {
    const rows = await db
      .selectFrom('mention_records')
      .select('record')
      .where('event_id', 'in', part)
      .execute();
    for (const r of rows) mentions.push(JSON.parse(r.record) as MentionRecord);
  }
  return { mentions, clusters: [...members.values()] };
}

/** Of these event ids, the ones clustering already holds. */
export async function clusteredIds(db: Kysely<Database>, eventIds: readonly string[]): Promise<Set<string>> {
  const rows = await readInChunks(eventIds, (part) =>
    db.selectFrom('mention_records').select('event_id').where('event_id', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.event_id));
}

/** Clustered mentions from articles with these origins (a changed article's old events among them). */
export async function mentionsOfOrigins(
  db: Kysely<Database>,
  originKeys: readonly string[],
): Promise<string[]> {
  const rows = await readInChunks(originKeys, (part) =>
    db.selectFrom('mention_records').select('event_id').where('origin_key', 'in', part).execute(),
  );
  return rows.map((r) => r.event_id);
}

export async function clusteringVersion(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('clustering_meta')
    .select('value')
    .where('name', '=', 'version')
    .executeTakeFirst();
  return row?.value ?? null;
}
