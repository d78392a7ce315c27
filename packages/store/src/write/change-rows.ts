import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Transaction } from 'kysely';
import type { CanonicalChangeSet } from '../clustering-types.ts';
import type { Database } from '../db/tables.ts';
import { chunkIds } from './chunks.ts';
import { insertRows } from './insert-rows.ts';

/** Stored records compared per query when a write's changes are worked out. */
const COMPARE_BATCH = 2_000;

/** The change-feed rows of one write, numbered in this order: created, updated, merged, removed. */
export async function recordChanges(trx: Transaction<Database>, changes: CanonicalChangeSet): Promise<void> {
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

/**
 * What a write that brings no change set of its own (`replaceCanonicalEvents`, a raw clustering
 * write) does to canonical ids, read from the store before it writes: `scope` is every stored
 * event (a replacement of the whole set) or the stored ids the write touches. An id written
 * again is updated only when its record differs; a stored id the write drops is merged into the
 * written event now holding most of its reports (ties: the smaller id), else removed.
 */
export async function derivedChanges(
  trx: Transaction<Database>,
  written: readonly CanonicalEvent[],
  scope: 'all' | readonly string[],
): Promise<CanonicalChangeSet> {
  const json = new Map(written.map((e) => [e.id, JSON.stringify(e)]));
  const stored = new Set<string>();
  const updated: string[] = [];
  const compare = (rows: readonly { id: string; record: string }[]) => {
    for (const r of rows) {
      stored.add(r.id);
      const now = json.get(r.id);
      if (now !== undefined && now !== r.record) updated.push(r.id);
    }
  };
  if (scope === 'all') {
    let after = '';
    for (;;) {
      const rows = await trx
        .selectFrom('canonical_records')
        .select(['id', 'record'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(COMPARE_BATCH)
        .execute();
      compare(rows);
      if (rows.length < COMPARE_BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
  } else
    for (const part of chunkIds([...new Set(scope)]))
      compare(
        await trx.selectFrom('canonical_records').select(['id', 'record']).where('id', 'in', part).execute(),
      );

  const holder = new Map<string, string>();
  for (const e of written) for (const m of e.mentions) holder.set(m.eventId, e.id);
  const dropped = [...stored].filter((id) => !json.has(id)).sort();
  const tallies = new Map<string, Map<string, number>>(dropped.map((id) => [id, new Map()]));
  for (const part of chunkIds(dropped)) {
    const links = await trx
      .selectFrom('canonical_mentions')
      .select(['event_id', 'canonical_id'])
      .where('canonical_id', 'in', part)
      .execute();
    for (const l of links) {
      const into = holder.get(l.event_id);
      const tally = tallies.get(l.canonical_id);
      if (into && tally) tally.set(into, (tally.get(into) ?? 0) + 1);
    }
  }
  const merged: [string, string][] = [];
  const removed: string[] = [];
  for (const id of dropped) {
    const ranked = [...(tallies.get(id) ?? [])].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : 1));
    if (ranked[0]) merged.push([id, ranked[0][0]]);
    else removed.push(id);
  }
  const created = [...json.keys()].filter((id) => !stored.has(id)).sort();
  return { created, updated: updated.sort(), merged, removed };
}
