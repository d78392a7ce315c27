import type { Kysely, Transaction } from 'kysely';
import type { ClusteringWrite } from '../clustering-types.ts';
import type { Database } from '../db/tables.ts';
import {
  deleteAllCanonicalEvents,
  deleteCanonicalEvents,
  insertCanonicalEvents,
} from './canonical-events.ts';
import { derivedChanges, recordChanges } from './change-rows.ts';
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

async function setVersion(trx: Transaction<Database>, version: string): Promise<void> {
  await trx.deleteFrom('clustering_meta').where('name', '=', 'version').execute();
  await trx.insertInto('clustering_meta').values({ name: 'version', value: version }).execute();
}

/** One incremental step, in one transaction: the changed clusters and mentions, nothing else. */
export async function applyClusteringWrite(db: Kysely<Database>, write: ClusteringWrite): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // an upserted id may be stored already: an event that kept its id while its members changed
    const touched = [...write.removeCanonical, ...write.upsertCanonical.map((e) => e.id)];
    const changes = write.changes ?? (await derivedChanges(trx, write.upsertCanonical, touched));
    await deleteCanonicalEvents(trx, touched);
    await insertCanonicalEvents(trx, write.upsertCanonical);
    await recordChanges(trx, changes);
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
    const changes = write.changes ?? (await derivedChanges(trx, write.upsertCanonical, 'all'));
    await deleteAllCanonicalEvents(trx);
    for (const table of ['mention_blocks', 'mention_records'] as const) await trx.deleteFrom(table).execute();
    await insertCanonicalEvents(trx, write.upsertCanonical);
    await recordChanges(trx, changes);
    await insertMentions(trx, write);
    await markDisputed(trx, write.eventDisputed);
    await setVersion(trx, version);
  });
}
