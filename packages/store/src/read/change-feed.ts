import type { Kysely } from 'kysely';
import { decodeChangeCursor, encodeChangeCursor } from '../change-cursor.ts';
import type { Database } from '../db/tables.ts';
import {
  type CanonicalChange,
  type CanonicalChangeKind,
  type ChangesArgs,
  type ChangesPage,
  MAX_PAGE,
} from '../query-types.ts';
import { badInput, DEFAULT_PAGE } from './cursor.ts';
import { canonicalRecords } from './list-canonical-events.ts';

/**
 * The changes to canonical events after a cursor, in commit order (clustering steps are
 * serialised, so numbers follow commits). Created and updated changes carry the event as it is
 * now (null once a later change merged or removed it); a client applying them in order ends with
 * the store's set.
 */
export async function listChanges(db: Kysely<Database>, args: ChangesArgs): Promise<ChangesPage> {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw badInput(`first must be a whole number from 0 to ${MAX_PAGE} (got ${first})`);
  const after = args.after ? decodeChangeCursor(args.after) : 0;
  const rows = await db
    .selectFrom('canonical_changes')
    .select(['seq', 'canonical_id', 'change', 'merged_into', 'changed_at'])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(first + 1)
    .execute();
  const page = rows.slice(0, first);
  const live = page.filter((r) => r.change === 'created' || r.change === 'updated');
  const records = await canonicalRecords(
    db,
    live.map((r) => r.canonical_id),
  );
  const eventOf = new Map(live.map((r, i) => [r.canonical_id, records[i] ?? null]));
  const edges = page.map((r) => {
    const node: CanonicalChange = {
      kind: r.change as CanonicalChangeKind,
      canonicalId: r.canonical_id,
      mergedInto: r.merged_into,
      changedAt: r.changed_at,
      event: eventOf.get(r.canonical_id) ?? null,
    };
    return { node, cursor: encodeChangeCursor(Number(r.seq)) };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
    },
  };
}

export async function latestChangeCursor(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('canonical_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq == null ? null : encodeChangeCursor(Number(row.seq));
}
