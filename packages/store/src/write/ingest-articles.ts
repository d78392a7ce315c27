import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutletsTable } from '../db/tables.ts';
import type { IngestCounts } from '../query-types.ts';
import { type ArticleRows, articleRows, outletKey } from './article-rows.ts';
import { chunkIds, chunksFor } from './chunks.ts';
import { planIngest } from './ingest-plan.ts';
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
    const { kept, replaced, counts, storedByHash } = await planIngest(trx, records);
    for (const part of chunkIds([...replaced])) {
      await trx.deleteFrom('search_docs').where('article_id', 'in', part).execute();
      await trx.deleteFrom('articles').where('id', 'in', part).execute();
    }
    // An article replaced by the same text (re-extracted, or with new metadata) keeps its id
    // and, mostly, its event ids (both derive from the text), so the incremental clustering
    // step, which goes by event ids and origins, would keep the old mentions. Unstamping the
    // stored clustering in this same transaction makes the next clustering step (this run's,
    // or the re-run's after a crash) rebuild it from scratch.
    if (kept.some((r) => storedByHash.has(r.contentHash)))
      await trx.deleteFrom('clustering_meta').where('name', '=', 'version').execute();
    await insertArticleRows(trx, kept.map(articleRows));
    await insertOutlets(trx, kept);
    return counts;
  });
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
