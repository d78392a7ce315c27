import type { Kysely, Transaction } from 'kysely';
import type { ClusteringWrite } from '../clustering-types.ts';
import type { Database } from '../db/tables.ts';
import { deleteCanonicalEvents, insertCanonicalEvents } from './canonical-events.ts';
import { chunkIds } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

async function insertMentions(trx: Transaction<Database>, write: ClusteringWrite): Promise<void> {
  const records = write.addMentions.map((m) => ({
    event_id: m.mention.id,
    origin_key: m.originKey,
    record: JSON.stringify(m.mention),
  }));
  await insertRows(trx, 'mention_records', records);
  const blocks = write.addMentions.flatMap((m) =>
    m.blocks.map((b) => ({ key: b.key, from_day: b.from, to_day: b.to, event_id: m.mention.id })),
  );
  await insertRows(trx, 'mention_blocks', blocks);
}

/**
 * An event is disputed when a claim it rests on is a denial (set at ingest) or when the
 * canonical event it belongs to is disputed (figures beyond tolerance, contradictions): the
 * per-article events filter (`disputed`) then finds both without reading the clusters.
 */
async function markDisputed(
  trx: Transaction<Database>,
  flags: ClusteringWrite['eventDisputed'],
): Promise<void> {
  for (const value of [1, 0]) {
    const ids = flags.filter(([, d]) => (d ? 1 : 0) === value).map(([id]) => id);
    for (const part of chunkIds(ids))
      await trx
        .updateTable('events')
        .set({ disputed: value })
        .where('id', 'in', part)
        .where('disputed', '!=', value)
        .execute();
  }
}

/** The change-feed rows of one step, numbered in this order: created, updated, merged, removed. */
async function recordChanges(trx: Transaction<Database>, changes: ClusteringWrite['changes']): Promise<void> {
  if (!changes) return;
  const changed_at = new Date().toISOString();
  const rows = [
    ...changes.created.map((id) => ({ canonical_id: id, change: 'created', merged_into: null, changed_at })),
    ...changes.updated.map((id) => ({ canonical_id: id, change: 'updated', merged_into: null, changed_at })),
    ...changes.merged.map(([id, into]) => ({
      canonical_id: id,
      change: 'merged',
      merged_into: into,
      changed_at,
    })),
    ...changes.removed.map((id) => ({ canonical_id: id, change: 'removed', merged_into: null, changed_at })),
  ];
  await insertRows(trx, 'canonical_changes', rows);
}

async function setVersion(trx: Transaction<Database>, version: string): Promise<void> {
  await trx.deleteFrom('clustering_meta').where('name', '=', 'version').execute();
  await trx.insertInto('clustering_meta').values({ name: 'version', value: version }).execute();
}

/** One incremental step, in one transaction: the changed clusters and mentions, nothing else. */
export async function applyClusteringWrite(db: Kysely<Database>, write: ClusteringWrite): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // an upserted id may be stored already: an event that kept its id while its members changed
    await deleteCanonicalEvents(trx, [...write.removeCanonical, ...write.upsertCanonical.map((e) => e.id)]);
    await insertCanonicalEvents(trx, write.upsertCanonical);
    await recordChanges(trx, write.changes);
    for (const part of chunkIds(write.removeMentions)) {
      await trx.deleteFrom('mention_blocks').where('event_id', 'in', part).execute();
      await trx.deleteFrom('mention_records').where('event_id', 'in', part).execute();
    }
    await insertMentions(trx, write);
    await markDisputed(trx, write.eventDisputed);
  });
}

/** A full rebuild, in one transaction: every table of the clustering replaced, then its version. */
export async function replaceClustering(
  db: Kysely<Database>,
  write: ClusteringWrite,
  version: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of [
      'canonical_mentions',
      'canonical_records',
      'canonical_events',
      'mention_blocks',
      'mention_records',
    ] as const)
      await trx.deleteFrom(table).execute();
    await insertCanonicalEvents(trx, write.upsertCanonical);
    await recordChanges(trx, write.changes);
    await insertMentions(trx, write);
    await markDisputed(trx, write.eventDisputed);
    await setVersion(trx, version);
  });
}
