import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutletsTable } from '../db/tables.ts';
import { formerOriginKeys, metadataKey, originKey } from '../origin-key.ts';
import type { IngestCounts } from '../query-types.ts';
import { type ArticleRows, articleRows, outletKey } from './article-rows.ts';
import { deleteCanonicalEvents } from './canonical-events.ts';
import { chunkIds, chunksFor } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

/**
 * Stores a batch in ONE transaction, so a crash leaves the batch either fully in or fully out.
 * An article is known by its text (content hash) and by its origin (`originKey`):
 * - the same text with the same metadata (`metadataKey`) is "unchanged", under any origin, and
 *   nothing is written for it;
 * - the same text with other metadata (front matter added, a feed's date or outlet), or
 *   extracted by a newer extractor (`reextracts`), is "changed": the stored article is replaced
 *   by the incoming one, origin included;
 * - new text from a known origin (a file or an external id seen before) is "changed": the
 *   origin's old article goes (claims, events and their search rows with it), so no duplicates
 *   and no orphans are left.
 * Within one batch the first record of a text, and of an origin, is the one stored.
 */
export async function ingestArticles(
  db: Kysely<Database>,
  records: readonly ExtractedArticle[],
): Promise<IngestCounts> {
  if (records.length === 0) return { new: 0, changed: 0, unchanged: 0 };
  return db.transaction().execute(async (trx) => {
    // What is stored under the batch's texts and origins, read in ONE statement (per 2,000
    // records): on PostgreSQL each statement sees the data as of its own start, and with two
    // statements a concurrent ingest committing the same article in between made this one find
    // it by origin but not by text, so it was counted "changed" and rewritten.
    const storedByHash = new Map<string, StoredVersion>();
    const storedByOrigin = new Map<string, string>();
    const keysOf = (r: ExtractedArticle) => [originKey(r), ...formerOriginKeys(r)];
    for (let i = 0; i < records.length; i += 2_000) {
      const part = records.slice(i, i + 2_000);
      const hashes = [...new Set(part.map((r) => r.contentHash))];
      const keys = [...new Set(part.flatMap(keysOf))];
      const rows = await trx
        .selectFrom('articles')
        .select(['id', 'content_hash', 'origin_key', 'extractor_version', 'record'])
        .where((eb) => eb.or([eb('content_hash', 'in', hashes), eb('origin_key', 'in', keys)]))
        .execute();
      for (const r of rows) {
        storedByHash.set(r.content_hash, r);
        storedByOrigin.set(r.origin_key, r.id);
      }
    }
    const fresh = records.filter((r) => {
      const stored = storedByHash.get(r.contentHash);
      return !stored || replaces(stored, r);
    });
    // The same text twice in one batch is stored once, and so is one origin: the first wins.
    const kept: ExtractedArticle[] = [];
    const seenHashes = new Set<string>();
    const seenOrigins = new Set<string>();
    for (const r of fresh) {
      const key = originKey(r);
      if (seenHashes.has(r.contentHash) || seenOrigins.has(key)) continue;
      seenHashes.add(r.contentHash);
      seenOrigins.add(key);
      kept.push(r);
    }
    const counts: IngestCounts = { new: 0, changed: 0, unchanged: 0 };
    const replaced = new Set<string>();
    for (const r of kept) {
      const before = [
        storedByHash.get(r.contentHash)?.id,
        ...keysOf(r).map((key) => storedByOrigin.get(key)),
      ].filter((id) => id !== undefined);
      for (const id of before) replaced.add(id);
      if (before.length > 0) counts.changed++;
      else counts.new++;
    }
    counts.unchanged = records.length - counts.new - counts.changed;

    // Canonical events holding a replaced article's events go in this same transaction, and the
    // clustering is unstamped so its next step rebuilds it: left for that step (a later commit),
    // readers between the two saw canonical events whose mentions were gone ("Cannot return null
    // for non-nullable field CanonicalEvent.mentions", issue 20 item 12).
    let heldReplaced = false;
    for (const part of chunkIds([...replaced])) {
      const held = await trx
        .selectFrom('canonical_mentions')
        .innerJoin('events', 'events.id', 'canonical_mentions.event_id')
        .select('canonical_mentions.canonical_id')
        .where('events.article_id', 'in', part)
        .execute();
      if (held.length === 0) continue;
      heldReplaced = true;
      await deleteCanonicalEvents(trx, [...new Set(held.map((r) => r.canonical_id))]);
    }
    for (const part of chunkIds([...replaced])) {
      await trx.deleteFrom('search_docs').where('article_id', 'in', part).execute();
      await trx.deleteFrom('articles').where('id', 'in', part).execute();
    }
    // An article replaced by the same text (re-extracted, or with new metadata) keeps its id
    // and, mostly, its event ids (both derive from the text), so the incremental clustering
    // step, which goes by event ids and origins, would keep the old mentions. Unstamping the
    // stored clustering in this same transaction makes the next clustering step (this run's,
    // or the re-run's after a crash) rebuild it from scratch.
    if (heldReplaced || kept.some((r) => storedByHash.has(r.contentHash)))
      await trx.deleteFrom('clustering_meta').where('name', '=', 'version').execute();
    await insertArticleRows(trx, kept.map(articleRows));
    await insertOutlets(trx, kept);
    return counts;
  });
}

interface StoredVersion {
  id: string;
  origin_key: string;
  extractor_version: number | null;
  record: string;
}

/**
 * Whether the same text, already stored, is stored again from this record: when a newer
 * extractor made it (a stored NULL is older than any version), or, by the same extractor, when
 * it comes with other metadata. A record without a version (pre-extracted JSON Lines from
 * before versions) never replaces anything, and an older extractor never replaces a newer
 * one's work.
 */
function replaces(stored: StoredVersion, record: ExtractedArticle): boolean {
  const incoming = record.extractorVersion;
  if (incoming === null) return false;
  if (stored.extractor_version === null || stored.extractor_version < incoming) return true;
  if (stored.extractor_version > incoming) return false;
  return metadataKey(JSON.parse(stored.record) as ExtractedArticle) !== metadataKey(record);
}

async function insertArticleRows(trx: Transaction<Database>, all: ArticleRows[]): Promise<void> {
  await insertRows(
    trx,
    'articles',
    all.map((a) => a.article),
  );
  await insertRows(
    trx,
    'claims',
    all.flatMap((a) => a.claims),
  );
  await insertRows(
    trx,
    'events',
    all.flatMap((a) => a.events),
  );
  await insertRows(
    trx,
    'event_records',
    all.flatMap((a) => a.eventRecords),
  );
  await insertRows(
    trx,
    'event_actors',
    all.flatMap((a) => a.eventActors),
  );
  // Not in fixed-size statements: FTS5 writes its pending terms out as a new segment at every
  // statement of the transaction, so splitting a batch's search rows over more statements
  // would store a differently segmented (larger, slower to merge) full-text index.
  for (const rows of chunksFor(all.flatMap((a) => a.searchDocs)))
    await trx.insertInto('search_docs').values(rows).execute();
}

/** Outlets named by articles but absent from the reference list are recorded as "unknown" kind. */
async function insertOutlets(trx: Transaction<Database>, records: ExtractedArticle[]): Promise<void> {
  const rows = new Map<string, Insertable<OutletsTable>>();
  for (const r of records) {
    const id = outletKey(r);
    if (!id || !r.outlet || rows.has(id)) continue;
    const outlet = { id, name: r.outlet.name, kind: 'unknown', country: null, aliases: [], url: null };
    rows.set(id, {
      id,
      name: outlet.name,
      kind: outlet.kind,
      search_names: outlet.name.toLowerCase(),
      record: JSON.stringify(outlet),
    });
  }
  await insertRows(trx, 'outlets', [...rows.values()], 'id');
}
