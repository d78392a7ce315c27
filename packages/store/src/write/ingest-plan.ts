import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { formerOriginKeys, metadataKey, originKey } from '../origin-key.ts';
import type { IngestCounts } from '../query-types.ts';
import { readInChunks } from './chunks.ts';

interface StoredVersion {
  id: string;
  origin_key: string;
  extractor_version: number | null;
  record: string;
}

export interface IngestPlan {
  /** the records to store (new or changed), the first of each text and of each origin */
  kept: ExtractedArticle[];
  /** stored article ids the kept records replace */
  replaced: Set<string>;
  counts: IngestCounts;
  storedByHash: Map<string, StoredVersion>;
}

/** What `ingestArticles` does with a batch, decided from what is stored (ingest-articles.ts says how). */
export async function planIngest(
  db: Kysely<Database>,
  records: readonly ExtractedArticle[],
): Promise<IngestPlan> {
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
    const rows = await db
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
  return { kept, replaced, counts, storedByHash };
}

/**
 * The stored events that storing these records would delete: the events of the articles they
 * replace that the incoming records do not bring back (a changed text's old events). The
 * ingest takes them out of the clustering before it stores the batch (issue 20 item 12).
 */
export async function eventsReplacedBy(
  db: Kysely<Database>,
  records: readonly ExtractedArticle[],
): Promise<string[]> {
  if (records.length === 0) return [];
  const { kept, replaced } = await planIngest(db, records);
  if (replaced.size === 0) return [];
  const incoming = new Set(kept.flatMap((r) => r.events.map((e) => e.id)));
  const rows = await readInChunks([...replaced], (part) =>
    db.selectFrom('events').select('id').where('article_id', 'in', part).execute(),
  );
  return rows.map((r) => r.id).filter((id) => !incoming.has(id));
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
