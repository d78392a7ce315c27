import type { Kysely } from 'kysely';
import type { BlockRow, MentionRecord, StoredClusterRow } from '../clustering-types.ts';
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

/**
 * Stored canonical events with a member among `eventIds` (all of them when null), each with every
 * member and its age: the change-feed number of its id's latest creation (an id can come back
 * after it was removed; ids stored before the feed existed were numbered by migration 0012).
 */
export async function storedClusters(
  db: Kysely<Database>,
  eventIds: readonly string[] | null,
): Promise<StoredClusterRow[]> {
  let canonicalIds: string[];
  if (eventIds === null)
    canonicalIds = (await db.selectFrom('canonical_events').select('id').execute()).map((r) => r.id);
  else {
    const rows = await readInChunks([...new Set(eventIds)], (part) =>
      db.selectFrom('canonical_mentions').select('canonical_id').where('event_id', 'in', part).execute(),
    );
    canonicalIds = [...new Set(rows.map((r) => r.canonical_id))];
  }
  const members = new Map<string, string[]>(canonicalIds.map((id) => [id, []]));
  const age = new Map<string, number>();
  for (const part of chunkIds(canonicalIds)) {
    const links = await db
      .selectFrom('canonical_mentions')
      .select(['canonical_id', 'event_id'])
      .where('canonical_id', 'in', part)
      .execute();
    for (const r of links) members.get(r.canonical_id)?.push(r.event_id);
    const first = await db
      .selectFrom('canonical_changes')
      .select(['canonical_id', (eb) => eb.fn.max('seq').as('seq')])
      .where('canonical_id', 'in', part)
      .where('change', '=', 'created')
      .groupBy('canonical_id')
      .execute();
    for (const r of first) age.set(r.canonical_id, Number(r.seq));
  }
  return canonicalIds.map((id) => ({
    id,
    members: members.get(id) ?? [],
    age: age.get(id) ?? Number.MAX_SAFE_INTEGER,
  }));
}

/** Of these canonical ids, those a stored canonical event holds now. */
export async function liveCanonicalIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await readInChunks([...new Set(ids)], (part) =>
    db.selectFrom('canonical_events').select('id').where('id', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.id));
}
