/**
 * A weekly reader's edition covers Monday to Sunday: the seven days' data read through the same
 * `DaySource` and joined into one `DayData` dated on the Sunday, which `buildIssue` words as a
 * week (`IssueOptions.week`). Its key in the send log and the claims is the ISO week
 * ("2016-W49"), never a day's date, so a weekly edition and Sunday's daily issue are two
 * editions, each sent once.
 */

import type { DaySource } from './data/day-source.ts';
import { addDays } from './date-labels.ts';
import type { DayData, DayTally } from './day-data.ts';

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** "2016-W49" for the ISO week Monday–Sunday that holds `date`. */
export function weekKey(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday of an ISO week key, or null when `key` is no week key. */
export function weekSpan(key: string): { monday: string; sunday: string } | null {
  const m = WEEK_KEY.exec(key);
  if (!m) return null;
  // 4 January is always in week 1
  const jan4 = `${m[1]}-01-04`;
  const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(addDays(jan4, -weekday), (Number(m[2]) - 1) * 7);
  return { monday, sunday: addDays(monday, 6) };
}

const sum = (xs: readonly (number | null)[]) =>
  xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null;

/** The week's and the week before's totals, each dated on its Sunday: what the weekly top box compares. */
export function weekTotals(tallies: readonly DayTally[], sunday: string): DayTally[] {
  const total = (end: string): DayTally => {
    const days = tallies.filter((t) => t.date > addDays(end, -7) && t.date <= end);
    return {
      date: end,
      killed: sum(days.map((t) => t.killed)),
      injured: sum(days.map((t) => t.injured)),
      displaced: sum(days.map((t) => t.displaced)),
    };
  };
  return [total(addDays(sunday, -7)), total(sunday)];
}

function uniqueBy<T>(items: readonly T[], id: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [id(t), t] as const)).values()];
}

/**
 * The week ending on `sunday` as one day's data: each event of the week once (an event over two
 * days is read on both; one of the week before that Monday's articles report again is the last
 * edition's, not this one's), the week's quotes latest first, what the Sunday announced for later, fourteen days of
 * tallies (the chart's seven and the week before's for the comparison), and what was left out on
 * each day, summed.
 */
export async function weekData(source: DaySource, sunday: string): Promise<DayData> {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(sunday, i - 6));
  const days = await Promise.all(dates.map((d) => source.day(d)));
  const weekBefore = await source.day(addDays(sunday, -7));
  const last = days[6]!;
  const latestFirst = [...days].reverse();
  return {
    date: sunday,
    events: uniqueBy(
      latestFirst.flatMap((d) => d.events),
      (e) => e.id,
    ).filter((e) => e.precision === 'reported' || (e.end ?? e.start ?? sunday) >= dates[0]!),
    upcoming: last.upcoming,
    quotes: uniqueBy(
      latestFirst.flatMap((d) => d.quotes),
      (q) => `${q.articleId}\n${q.text}`,
    ),
    tallies: uniqueBy([...weekBefore.tallies, ...last.tallies], (t) => t.date).sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
    leftOut: {
      undated: days.reduce((n, d) => n + d.leftOut.undated, 0),
      periods: days.reduce((n, d) => n + d.leftOut.periods, 0),
      older: days.reduce((n, d) => n + d.leftOut.older, 0),
    },
    articles: uniqueBy(
      days.flatMap((d) => d.articles),
      (a) => a.id,
    ),
  };
}
