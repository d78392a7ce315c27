import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutletsTable } from '../db/tables.ts';
import { originKey } from '../origin-key.ts';
import type { IngestCounts } from '../query-types.ts';
import { type ArticleRows, articleRows, outletKey } from './article-rows.ts';
import { chunkIds, chunksFor } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

/**
 * Stores a batch in ONE transaction, so a crash leaves the batch either fully in or fully out.
 * Idempotent by content hash: text already stored (under any origin) is "unchanged" and
 * nothing is written for it. An origin (file or external id) seen before with other text is
 * "changed": the old article goes (claims, events and their search rows with it) and the new
 * one comes in, so no duplicates and no orphans are left. The same text from the same origin
 * is "changed" too when a newer extractor made the incoming record than the stored one
 * (`reextracts`): that is how an improved extractor reaches a database already filled.
 */
export async function ingestArticles(
  db: Kysely<Database>,
  records: readonly ExtractedArticle[],
): Promise<IngestCounts> {
  if (records.length === 0) return { new: 0, changed: 0, unchanged: 0 };
  return db.transaction().execute(async (trx) => {
    const storedByHash = new Map<string, StoredVersion>();
    for (const part of chunkIds([...new Set(records.map((r) => r.contentHash))])) {
      const rows = await trx
        .selectFrom('articles')
        .select(['content_hash', 'origin_key', 'extractor_version'])
        .where('content_hash', 'in', part)
        .execute();
      for (const r of rows) storedByHash.set(r.content_hash, r);
    }
    const fresh = records.filter((r) => {
      const stored = storedByHash.get(r.contentHash);
      return !stored || reextracts(stored, r);
    });
    const storedByOrigin = new Map<string, string>();
    for (const part of chunkIds([...new Set(fresh.map(originKey))])) {
      const rows = await trx
        .selectFrom('articles')
        .select(['id', 'origin_key'])
        .where('origin_key', 'in', part)
        .execute();
      for (const r of rows) storedByOrigin.set(r.origin_key, r.id);
    }
    // The same text twice in one batch is stored once; for one origin the later record wins.
    const byOrigin = new Map<string, ExtractedArticle>();
    const seenHashes = new Set<string>();
    for (const r of fresh) {
      if (seenHashes.has(r.contentHash)) continue;
      seenHashes.add(r.contentHash);
      byOrigin.set(originKey(r), r);
    }
    const counts: IngestCounts = { new: 0, changed: 0, unchanged: 0 };
    const replaced: string[] = [];
    for (const key of byOrigin.keys()) {
      const old = storedByOrigin.get(key);
      if (old) {
        replaced.push(old);
        counts.changed++;
      } else counts.new++;
    }
    counts.unchanged = records.length - counts.new - counts.changed;

    for (const part of chunkIds(replaced)) {
      await trx.deleteFrom('search_docs').where('article_id', 'in', part).execute();
      await trx.deleteFrom('articles').where('id', 'in', part).execute();
    }
    // A re-extracted article keeps its id and, mostly, its event ids (both derive from the text),
    // so the incremental clustering step, which goes by event ids, would keep the old
    // extraction's mentions. A new extractor is a new input to every cluster: unstamping the
    // stored clustering in this same transaction makes the next clustering step (this run's, or
    // the re-run's after a crash) rebuild it from scratch.
    if (fresh.some((r) => storedByHash.has(r.contentHash)))
      await trx.deleteFrom('clustering_meta').where('name', '=', 'version').execute();
    await insertArticleRows(trx, [...byOrigin.values()].map(articleRows));
    await insertOutlets(trx, [...byOrigin.values()]);
    return counts;
  });
}

interface StoredVersion {
  origin_key: string;
  extractor_version: number | null;
}

/**
 * A stored article is extracted again when the same text comes from the same origin with a
 * record made by a newer extractor (a stored NULL is older than any version). Only from the same
 * origin: the text stored under another origin stays as it is, the rule for the same text
 * twice. A record without a version (pre-extracted JSON Lines from before versions) never
 * replaces anything, and an older extractor never replaces a newer one's work.
 */
function reextracts(stored: StoredVersion, record: ExtractedArticle): boolean {
  const incoming = record.extractorVersion;
  if (incoming === null || stored.origin_key !== originKey(record)) return false;
  return stored.extractor_version === null || stored.extractor_version < incoming;
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
