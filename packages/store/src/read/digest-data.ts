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
 * One day's digest in six queries whatever the day holds: events, articles (the events' and
 * those published that day), claims, places with their ancestors, actors, outlets, plus one
 * aggregate. The events are those whose day-precise dates include the day, most severe first.
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
  const eventRows = await db
    .selectFrom('events')
    .innerJoin('event_records', 'event_records.id', 'events.id')
    .select('event_records.record')
    // Through the events_date index: a day-precise event spanning more than a month is not
    // daily news, so looking back 31 days bounds the scan without losing any digest item.
    .where('sort_date', '<=', date)
    .where('sort_date', '>=', addDays(date, -31))
    .where('end_date', '>=', date)
    // "in December" is not news on every day of December: only day-precise dates make a digest.
    .where('precision', '=', 'day')
    .orderBy('severity', 'desc')
    .orderBy('events.id')
    .execute();
  const events = eventRows.map((r) => JSON.parse(r.record) as Event);

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
  const totals = { events: events.length, killed: 0, injured: 0 };
  for (const e of events) {
    totals.killed += e.casualties.killed?.best ?? 0;
    totals.injured += e.casualties.injured?.best ?? 0;
  }
  return {
    date,
    events,
    articles,
    claims: claims.filter(present),
    places: places.filter(present),
    actors: actors.filter(present),
    outlets: outlets.filter(present),
    totals,
    byPlace,
  };
}
