import type { Actor } from '@sitrep/schema/actor';
import type { Article } from '@sitrep/schema/article';
import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { DigestData } from '../query-types.ts';
import { dailyAggregates } from './aggregates.ts';
import { checkDate } from './list-events.ts';

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const present = <T>(x: T | null): x is T => x !== null;

/**
 * One day's digest in six queries whatever the day holds: stories and context (one query), articles (the
 * events' and those published that day), claims, places with their ancestors, actors, outlets,
 * plus one aggregate. The stories are the events whose day-precise dates include the day and
 * those dated only by their report of that day (precision `reported`), most severe first; the
 * context, events over a month or a year that include the day.
 */
export async function digestData(
  db: Kysely<Database>,
  byIds: <T>(
    table: 'articles' | 'claims' | 'places' | 'actors' | 'outlets',
    ids: string[],
  ) => Promise<(T | null)[]>,
  date: string,
): Promise<DigestData> {
  checkDate(date, 'date');
  const rows = await db
    .selectFrom('events')
    .innerJoin('event_records', 'event_records.id', 'events.id')
    .select(['event_records.record', 'events.precision', 'events.killed', 'events.injured'])
    // Through the events_date index, two ranges. "In December" is not news on every day of
    // December: only day-precise dates (a span over a month is no daily news either, so 31 days
    // back bound the scan), and events dated by their report of the day, make the day's
    // stories. Months and years are its context: a month-precise event is the whole month, so
    // it starts on the month's first day, a year on 1 January (a span of years, "since 2011",
    // is no context for one day).
    .where((eb) =>
      eb.or([
        eb.and([eb('sort_date', '<=', date), eb('sort_date', '>=', addDays(date, -31))]),
        eb('sort_date', 'in', [`${date.slice(0, 7)}-01`, `${date.slice(0, 4)}-01-01`]),
      ]),
    )
    .where('end_date', '>=', date)
    .where('precision', 'in', ['day', 'reported', 'month', 'year'])
    .orderBy('severity', 'desc')
    .orderBy('events.id')
    .execute();
  const eventRows = rows.filter((r) => r.precision === 'day' || r.precision === 'reported');
  const events = eventRows.map((r) => JSON.parse(r.record) as Event);
  const context = rows
    .filter((r) => r.precision === 'month' || r.precision === 'year')
    .map((r) => JSON.parse(r.record) as Event);

  const articleRows = await db
    .selectFrom('articles')
    .select('record')
    .where((eb) =>
      eb.or([
        eb('sort_date', '=', date), // sort_date is published_date, indexed
        eb('id', 'in', [...new Set(events.map((e) => e.articleId)), '']),
      ]),
    )
    .orderBy('id')
    .execute();
  const articles = articleRows.map((r) => JSON.parse(r.record) as Article);

  const placeIds = new Set(events.flatMap((e) => (e.location?.placeId ? [e.location.placeId] : [])));
  const ancestors = placeIds.size
    ? await db
        .selectFrom('place_ancestors')
        .select('ancestor_id')
        .where('place_id', 'in', [...placeIds])
        .execute()
    : [];
  for (const a of ancestors) placeIds.add(a.ancestor_id);
  const actorIds = new Set(
    events.flatMap((e) => e.participants.flatMap((p) => (p.actor.id ? [p.actor.id] : []))),
  );
  const outletIds = new Set(articles.flatMap((a) => (a.outlet ? [a.outlet.id ?? a.outlet.name] : [])));

  const [claims, places, actors, outlets, byPlace] = await Promise.all([
    byIds<Claim>('claims', [...new Set(events.flatMap((e) => e.claimIds))]),
    byIds<Place>('places', [...placeIds]),
    byIds<Actor>('actors', [...actorIds]),
    byIds<Outlet>('outlets', [...outletIds]),
    dailyAggregates(db, { from: date, to: date, byPlace: true }),
  ]);
  // the columns hold incidents' tolls only (write/article-rows.ts): no total is summed
  const totals = { events: events.length, killed: 0, injured: 0 };
  for (const r of eventRows) {
    totals.killed += r.killed ?? 0;
    totals.injured += r.injured ?? 0;
  }
  return {
    date,
    events,
    context,
    articles,
    claims: claims.filter(present),
    places: places.filter(present),
    actors: actors.filter(present),
    outlets: outlets.filter(present),
    totals,
    byPlace,
  };
}
