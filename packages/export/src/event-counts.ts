import type { Actor } from '@sitrep/schema/actor';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { SitrepError } from '@sitrep/schema/errors';
import type { Event, EventKind } from '@sitrep/schema/event';
import type { Place } from '@sitrep/schema/place';
import type { CanonicalEventFilter, SitrepStore } from '@sitrep/store/store';

import { Lookup } from './lookup.ts';

export const COUNT_GROUPS = ['kind', 'country', 'admin1', 'actor'] as const;
export type CountGroup = (typeof COUNT_GROUPS)[number];
export type CountPeriod = 'day' | 'week' | 'month';

/** A casualty measure summed over events: each event's best, low and high (low and high default to its best). */
export interface FigureSums {
  best: number;
  low: number;
  high: number;
}

/** One period of one group: canonical events (one per incident, however many reports) and their tolls. */
export interface EventCountRow {
  /** the day, the Monday that starts the ISO week, or the first of the month (YYYY-MM-DD) */
  period: string;
  kind: EventKind | null;
  /** ISO 3166-1 alpha-2 of the event's place (or its nearest ancestor that names one) */
  country: string | null;
  admin1: string | null;
  /** the event's main perpetrator (actor1 in the ACLED export) */
  actor: string | null;
  events: number;
  killed: FigureSums;
  injured: FigureSums;
}

export interface CountArgs {
  filter?: CanonicalEventFilter;
  countries?: readonly string[];
  groupBy?: readonly CountGroup[];
  period?: CountPeriod;
}

/** The most rows one answer holds (periods × groups, zero rows included). */
export const MAX_COUNT_ROWS = 50_000;

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function periodOf(date: string, period: CountPeriod): string {
  if (period === 'day') return date;
  if (period === 'month') return `${date.slice(0, 7)}-01`;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return day(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY);
}

function nextPeriod(p: string, period: CountPeriod): string {
  if (period === 'month') {
    const d = new Date(`${p}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    return day(d.getTime());
  }
  return day(Date.parse(`${p}T00:00:00Z`) + (period === 'week' ? 7 : 1) * DAY);
}

/**
 * Whether an event belongs to one period of this length: dated to a day, a few days or by its
 * report, on its start day (as the timeline counts a day's stories); dated only to a month, in
 * MONTH counts alone; dated to a year or undated, never — a chart of days cannot place them.
 */
function countable(c: CanonicalEvent, period: CountPeriod): boolean {
  const p = c.occurred.precision;
  if (!c.occurred.start) return false;
  return p === 'day' || p === 'week' || p === 'reported' || (p === 'month' && period === 'month');
}

const sums = (): FigureSums => ({ best: 0, low: 0, high: 0 });
function add(to: FigureSums, range: CanonicalEvent['figures']['killed']): void {
  if (!range) return;
  to.best += range.best;
  to.low += range.low;
  to.high += range.high;
}

/**
 * Counts canonical events — two reports of one strike count once — per period and group, with
 * every period from `filter.from` (else the first event's) to `filter.to` (else the last's)
 * present for every group seen, as zero rows, so a chart needs no post-processing. Disputed
 * figures are summed by their ends: `best` sums each event's best figure, `low` the lowest
 * credible figures, `high` the highest; sums of incidents' tolls only (canonical figures never
 * hold a period's total). Reads the matching events once, in batches (`scanCanonicalEvents`).
 */
export async function countEvents(store: SitrepStore, args: CountArgs = {}): Promise<EventCountRow[]> {
  const period = args.period ?? 'day';
  const groups = new Set(args.groupBy ?? []);
  const countries = args.countries?.length ? new Set(args.countries.map((c) => c.toUpperCase())) : null;
  const needPlaces = groups.has('country') || groups.has('admin1') || countries !== null;
  const places = new Lookup<Place>((ids) => store.placesByIds(ids));
  const actors = new Lookup<Actor>((ids) => store.actorsByIds(ids));
  const cells = new Map<string, Map<string, EventCountRow>>();
  let first: string | null = null;
  let last: string | null = null;

  for await (const batch of store.scanCanonicalEvents(args.filter ?? {}, { batch: 2_000 })) {
    const kept = batch.filter((c) => countable(c, period));
    if (needPlaces)
      await places.fillWithAncestors(kept.flatMap((c) => (c.location?.placeId ? [c.location.placeId] : [])));
    let members = new Map<string, Event>();
    if (groups.has('actor')) {
      const found = await store.eventsByIds(kept.flatMap((c) => c.mentions.map((m) => m.eventId)));
      members = new Map(found.flatMap((e) => (e ? [[e.id, e] as const] : [])));
      await actors.fill(
        [...members.values()].flatMap((e) => e.participants.flatMap((p) => (p.actor.id ? [p.actor.id] : []))),
      );
    }
    for (const c of kept) {
      const place = places.get(c.location?.placeId);
      const country = needPlaces ? places.countryOf(place) : null;
      if (countries && !(country && countries.has(country))) continue;
      const key = {
        kind: groups.has('kind') ? c.kind : null,
        country: groups.has('country') ? country : null,
        admin1: groups.has('admin1') ? (place?.admin1 ?? null) : null,
        actor: groups.has('actor') ? mainPerpetrator(c, members, actors) : null,
      };
      const p = periodOf(c.occurred.start!, period);
      if (first === null || p < first) first = p;
      if (last === null || p > last) last = p;
      const groupKey = JSON.stringify([key.kind, key.country, key.admin1, key.actor]);
      let rows = cells.get(groupKey);
      if (!rows) {
        rows = new Map();
        cells.set(groupKey, rows);
      }
      let row = rows.get(p);
      if (!row) {
        row = { period: p, ...key, events: 0, killed: sums(), injured: sums() };
        rows.set(p, row);
      }
      row.events++;
      add(row.killed, c.figures.killed);
      add(row.injured, c.figures.injured);
    }
  }
  const from = args.filter?.from ? periodOf(args.filter.from, period) : first;
  const to = args.filter?.to ? periodOf(args.filter.to, period) : last;
  if (from === null || to === null || cells.size === 0) return [];
  const periods: string[] = [];
  for (let p = from; p <= to; p = nextPeriod(p, period)) {
    periods.push(p);
    if (periods.length * cells.size > MAX_COUNT_ROWS)
      throw new SitrepError(
        'BAD_USER_INPUT',
        `eventCounts: more than ${MAX_COUNT_ROWS} rows (${cells.size} groups over the periods from ${from}); narrow from/to, group by less, or count by a longer period.`,
      );
  }
  const out: EventCountRow[] = [];
  for (const groupKey of [...cells.keys()].sort()) {
    const rows = cells.get(groupKey)!;
    const [kind, country, admin1, actor] = JSON.parse(groupKey) as [
      EventKind | null,
      string | null,
      string | null,
      string | null,
    ];
    for (const p of periods)
      out.push(
        rows.get(p) ?? {
          period: p,
          kind,
          country,
          admin1,
          actor,
          events: 0,
          killed: sums(),
          injured: sums(),
        },
      );
  }
  return out;
}

function mainPerpetrator(
  c: CanonicalEvent,
  members: ReadonlyMap<string, Event>,
  actors: Lookup<Actor>,
): string | null {
  const tally = new Map<string, number>();
  for (const m of c.mentions)
    for (const p of members.get(m.eventId)?.participants ?? [])
      if (p.role === 'perpetrator') {
        const name = actors.get(p.actor.id)?.name ?? p.actor.name;
        tally.set(name, (tally.get(name) ?? 0) + 1);
      }
  return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
