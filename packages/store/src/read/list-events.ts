import type { Event } from '@sitrep/schema/event';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, Engine } from '../db/tables.ts';
import type { Connection, EventFilter, EventOrder, PageArgs, RecordLoader } from '../query-types.ts';
import { runCompiled } from './compiled-queries.ts';
import { badInput } from './cursor.ts';
import { recordsByIds } from './entities.ts';
import { matchingDocIds, plainWords } from './full-text.ts';
import { keysetPage } from './keyset-page.ts';
import { placeScope } from './place-scope.ts';

const ORDERS: Record<EventOrder, { column: 'sort_date' | 'severity'; desc: boolean }> = {
  DATE_DESC: { column: 'sort_date', desc: true },
  DATE_ASC: { column: 'sort_date', desc: false },
  SEVERITY: { column: 'severity', desc: true },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDate(value: string | undefined, name: string): void {
  if (value !== undefined && !ISO_DATE.test(value))
    throw badInput(`${name} must be a date YYYY-MM-DD (got "${value}")`);
}

/** The WHERE clause for a filter; shared by the page, the count, the timeline and aggregates. */
export function eventWhere(
  eb: ExpressionBuilder<Database, 'events'>,
  filter: EventFilter,
  engine: Engine,
): Expression<SqlBool> {
  checkDate(filter.from, 'from');
  checkDate(filter.to, 'to');
  const all: Expression<SqlBool>[] = [];
  if (filter.kinds?.length) all.push(eb('events.kind', 'in', [...filter.kinds]));
  // Overlap of [start, end] with [from, to]; an undated event cannot overlap anything.
  if (filter.from) all.push(eb('events.end_date', '>=', filter.from));
  // sort_date is start_date ('' when undated), so these two ride on the events_date index.
  if (filter.to) all.push(eb('events.sort_date', '<=', filter.to), eb('events.sort_date', '>', ''));
  all.push(...placeScope('events.place_id', filter));
  if (filter.actorId)
    all.push(
      eb(
        'events.id',
        'in',
        eb
          .selectFrom('event_actors')
          .select('event_actors.event_id')
          .where('event_actors.actor_id', '=', filter.actorId),
      ),
    );
  if (filter.outlet) all.push(eb('events.outlet_id', '=', filter.outlet));
  if (filter.text !== undefined)
    all.push(eb('events.id', 'in', matchingDocIds(engine, 'event', plainWords(filter.text))));
  if (filter.minKilled !== undefined) {
    if (!(filter.minKilled >= 0)) throw badInput('minKilled must be zero or more');
    // severity = killed * 1e6 + min(injured, 999999), so for whole-number tolls this is exactly
    // killed >= minKilled, answered from the events_severity index alone.
    all.push(eb('events.severity', '>=', Math.ceil(filter.minKilled) * 1e6));
  }
  if (filter.tense) all.push(eb('events.tense', '=', filter.tense));
  if (filter.precisions) all.push(eb('events.precision', 'in', [...filter.precisions, '']));
  if (filter.disputed !== undefined) all.push(eb('events.disputed', '=', filter.disputed ? 1 : 0));
  if (filter.articleId) all.push(eb('events.article_id', '=', filter.articleId));
  return eb.and(all);
}

export function listEvents(
  db: Kysely<Database>,
  engine: Engine,
  filter: EventFilter,
  page: PageArgs<EventOrder>,
  records: RecordLoader<Event> = (ids) => recordsByIds<Event>(db, 'events', ids),
): Promise<Connection<Event>> {
  const orderName = page.orderBy ?? 'DATE_DESC';
  const order = ORDERS[orderName];
  if (!order) throw badInput(`orderBy must be one of ${Object.keys(ORDERS).join(', ')}`);
  const col = `events.${order.column}` as const;
  return keysetPage<Event>(
    {
      async fetch(bound, dir, limit) {
        const key = JSON.stringify(['events.page', engine, orderName, filter, bound, dir, limit]);
        const rows = await runCompiled(db, key, () =>
          db
            .selectFrom('events')
            .select(['events.id', `${col} as key`])
            .where((eb) => eventWhere(eb, filter, engine))
            .$if(bound !== null, (q) =>
              q.where(({ eb, refTuple, tuple }) =>
                eb(refTuple(col, 'events.id'), bound!.op, tuple(bound!.key as never, bound!.id)),
              ),
            )
            .orderBy(col, dir)
            .orderBy('events.id', dir)
            .limit(limit),
        );
        return rows.map((r) => ({ key: r.key, id: r.id, node: null as never }));
      },
      // Records for the page's rows only, in one batch: the filter never touches the JSON.
      load: records,
      async count() {
        const key = JSON.stringify(['events.count', engine, filter]);
        const [row] = await runCompiled(db, key, () =>
          db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where((eb) => eventWhere(eb, filter, engine)),
        );
        return Number(row!.n);
      },
    },
    page,
    { name: orderName, desc: order.desc },
  );
}
