import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { DailyAggregate, DailyAggregateArgs, TimelineArgs, TimelineBucket } from '../query-types.ts';
import { badInput } from './cursor.ts';
import { checkDate } from './list-events.ts';
import { placeScope } from './place-scope.ts';

/**
 * Sums per day (and place) over canonical events, each counted once on its start day: two
 * reports of one strike are one event, and its killed/injured are the clustering's best figures
 * (one per event, never one per report added up), as `eventCounts` counts. Only a day's stories
 * count: an event whose days span at most a week (dated to a day or a week, or by its report);
 * one over a month or a year is no day's event. Events not clustered yet do not count.
 */
export async function dailyAggregates(
  db: Kysely<Database>,
  args: DailyAggregateArgs,
): Promise<DailyAggregate[]> {
  checkDate(args.from, 'from');
  checkDate(args.to, 'to');
  // grouped by the day pair (and place) so a span's length is read once per group, not per event
  const rows = await db
    .selectFrom('canonical_events')
    .select((eb) => [
      'canonical_events.start_date as date',
      'canonical_events.end_date as end',
      eb.fn.countAll().as('events'),
      eb.fn.coalesce(eb.fn.sum('canonical_events.killed'), eb.lit(0)).as('killed'),
      eb.fn.coalesce(eb.fn.sum('canonical_events.injured'), eb.lit(0)).as('injured'),
    ])
    .$if(Boolean(args.byPlace), (q) =>
      q.select('canonical_events.place_id').groupBy('canonical_events.place_id'),
    )
    // sort_date is the start date ('' when undated): the canonical_date index serves the range.
    .where('canonical_events.sort_date', '>', '')
    .$if(Boolean(args.from), (q) => q.where('canonical_events.sort_date', '>=', args.from!))
    .$if(Boolean(args.to), (q) => q.where('canonical_events.sort_date', '<=', args.to!))
    .where((eb) => eb.and(placeScope('canonical_events.place_id', args)))
    .groupBy(['canonical_events.start_date', 'canonical_events.end_date'])
    .execute();
  const sums = new Map<string, DailyAggregate>();
  for (const r of rows) {
    const date = r.date as string;
    if (spanDays(date, (r.end as string | null) ?? date) > INCIDENT_MAX_DAYS) continue;
    const placeId = 'place_id' in r ? ((r.place_id as string | null) ?? null) : null;
    const key = `${date} ${placeId ?? ''}`;
    const s = sums.get(key) ?? { date, placeId, events: 0, killed: 0, injured: 0 };
    s.events += Number(r.events);
    s.killed += Number(r.killed);
    s.injured += Number(r.injured);
    sums.set(key, s);
  }
  return [...sums.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.placeId ?? '').localeCompare(b.placeId ?? ''),
  );
}

/** The longest span of days a day's story covers: a week ("last week", "this week"). */
const INCIDENT_MAX_DAYS = 7;

function spanDays(start: string, end: string): number {
  return (Date.parse(end) - Date.parse(start)) / DAY + 1;
}

const DAY = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week holding `iso`. */
export function weekStart(iso: string): string {
  const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** Events, killed and injured per day or ISO week; periods with nothing in them are present as zeros. */
export async function timeline(db: Kysely<Database>, args: TimelineArgs): Promise<TimelineBucket[]> {
  const granularity = args.granularity ?? 'day';
  if (granularity !== 'day' && granularity !== 'week') throw badInput('granularity must be day or week');
  const { granularity: _, ...scope } = args;
  const days = await dailyAggregates(db, scope);
  const period = granularity === 'day' ? (d: string) => d : weekStart;
  const buckets = new Map<string, TimelineBucket>();
  for (const d of days) {
    const key = period(d.date);
    const b = buckets.get(key) ?? { period: key, events: 0, killed: 0, injured: 0 };
    b.events += d.events;
    b.killed += d.killed;
    b.injured += d.injured;
    buckets.set(key, b);
  }
  if (args.withEventsOnly) return [...buckets.values()];
  const first = args.from ?? days[0]?.date;
  const last = args.to ?? days.at(-1)?.date;
  if (!first || !last) return [];
  const step = granularity === 'day' ? 1 : 7;
  // Zeros are filled in up to a bound; past it the answer is refused, never cut short: a cut
  // once hid every day after 1967 from `sitrep digest --all` (one far-off date in FA-KES).
  const periods = Math.floor((Date.parse(last) - Date.parse(period(first))) / (step * DAY)) + 1;
  if (periods > MAX_PERIODS)
    throw badInput(
      `the timeline from ${first} to ${last} has ${periods.toLocaleString('en')} ${granularity}s, over the ${MAX_PERIODS.toLocaleString('en')} one answer holds; give from/to, a week granularity, or ask for the periods with events only`,
    );
  const out: TimelineBucket[] = [];
  for (let p = period(first); p <= last; p = addDays(p, step))
    out.push(buckets.get(p) ?? { period: p, events: 0, killed: 0, injured: 0 });
  return out;
}

/** The most periods a padded timeline holds (27 years of days). */
export const MAX_PERIODS = 10_000;
