import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { CanonicalEventFilter, Connection, EventOrder, PageArgs } from '../query-types.ts';
import { badInput } from './cursor.ts';
import { keysetPage } from './keyset-page.ts';
import { checkDate } from './list-events.ts';
import { placeScope } from './place-scope.ts';

const ORDERS: Record<EventOrder, { column: 'sort_date' | 'severity'; desc: boolean }> = {
  DATE_DESC: { column: 'sort_date', desc: true },
  DATE_ASC: { column: 'sort_date', desc: false },
  SEVERITY: { column: 'severity', desc: true },
};

/** The WHERE clause for a canonical-event filter; shared by pages, counts and the export scan. */
export function canonicalWhere(
  eb: ExpressionBuilder<Database, 'canonical_events'>,
  f: CanonicalEventFilter,
): Expression<SqlBool> {
  checkDate(f.from, 'from');
  checkDate(f.to, 'to');
  const all: Expression<SqlBool>[] = [];
  if (f.kinds?.length) all.push(eb('canonical_events.kind', 'in', [...f.kinds]));
  if (f.from) all.push(eb('canonical_events.end_date', '>=', f.from));
  if (f.to) all.push(eb('canonical_events.sort_date', '<=', f.to), eb('canonical_events.sort_date', '>', ''));
  all.push(...placeScope('canonical_events.place_id', f));
  if (f.minKilled !== undefined)
    all.push(eb('canonical_events.severity', '>=', Math.ceil(f.minKilled) * 1e6));
  if (f.disputed !== undefined) all.push(eb('canonical_events.disputed', '=', f.disputed ? 1 : 0));
  if (f.minSources !== undefined) all.push(eb('canonical_events.independent_sources', '>=', f.minSources));
  return eb.and(all);
}

export async function canonicalRecords(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(CanonicalEvent | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('canonical_records')
    .select(['id', 'record'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, JSON.parse(r.record) as CanonicalEvent]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The canonical event each per-article event belongs to (null before clustering has run). */
export async function canonicalForEvents(
  db: Kysely<Database>,
  eventIds: readonly string[],
): Promise<(CanonicalEvent | null)[]> {
  if (eventIds.length === 0) return [];
  const links = await db
    .selectFrom('canonical_mentions')
    .select(['event_id', 'canonical_id'])
    .where('event_id', 'in', [...new Set(eventIds)])
    .execute();
  const of = new Map(links.map((l) => [l.event_id, l.canonical_id]));
  const records = await canonicalRecords(db, [...new Set(of.values())]);
  const byId = new Map(records.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  return eventIds.map((id) => byId.get(of.get(id) ?? '') ?? null);
}

export function listCanonicalEvents(
  db: Kysely<Database>,
  filter: CanonicalEventFilter,
  page: PageArgs<EventOrder>,
): Promise<Connection<CanonicalEvent>> {
  const orderName = page.orderBy ?? 'DATE_DESC';
  const order = ORDERS[orderName];
  if (!order) throw badInput(`orderBy must be one of ${Object.keys(ORDERS).join(', ')}`);
  const col = `canonical_events.${order.column}` as const;
  return keysetPage<CanonicalEvent>(
    {
      async fetch(bound, dir, limit, withNodes) {
        // The records come in the same statement as the keys: read in a second one, a clustering
        // step committing in between (another process's ingest) had replaced some of the ids,
        // and the API answered "Cannot return null for non-nullable field CanonicalEventEdge.node".
        const rows = await db
          .selectFrom('canonical_events')
          .select(['canonical_events.id', `${col} as key`])
          .$if(withNodes, (q) =>
            q
              .innerJoin('canonical_records', 'canonical_records.id', 'canonical_events.id')
              .select('canonical_records.record'),
          )
          .where((eb) => canonicalWhere(eb, filter))
          .$if(bound !== null, (q) =>
            q.where(({ eb, refTuple, tuple }) =>
              eb(refTuple(col, 'canonical_events.id'), bound!.op, tuple(bound!.key as never, bound!.id)),
            ),
          )
          .orderBy(col, dir)
          .orderBy('canonical_events.id', dir)
          .limit(limit)
          .execute();
        if (!withNodes) return rows.map((r) => ({ key: r.key, id: r.id, node: null as never }));
        return rows.map((r) => ({
          key: r.key,
          id: r.id,
          node: JSON.parse((r as { record: string }).record) as CanonicalEvent,
        }));
      },
      async count() {
        const row = await db
          .selectFrom('canonical_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => canonicalWhere(eb, filter))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    },
    page,
    { name: `C${orderName}`, desc: order.desc },
  );
}
