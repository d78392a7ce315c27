/**
 * What an issue covers, worded from its data: the countries of the day's stories for the
 * masthead and the title, and the footer's account of the reports behind it. Sitrep reads any
 * war's reporting; no country is written into a template.
 */
import { addDays, dayMonthLabel, shortDate } from './date-labels.ts';
import type { DayEvent, DayTally, LeftOut } from './day-data.ts';
import type { TallyView } from './issue-model.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const number = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

/**
 * Country names of the events, most events first; on a tie, the country of the higher-ranked
 * story first (the events come in the order: the lead story's country before one named
 * later), so a masthead never drops the lead's country behind an alphabetical neighbour.
 * Unknown codes are left out.
 */
export function countryNames(events: readonly DayEvent[]): string[] {
  const counts = new Map<string, number>();
  for (const e of events) if (e.country) counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  return [...counts]
    .map(([code, n]) => {
      let name: string | undefined;
      try {
        name = regionNames.of(code.toUpperCase());
      } catch {
        name = undefined;
      }
      return { name, n };
    })
    .filter((c): c is { name: string; n: number } => Boolean(c.name))
    .sort((a, b) => b.n - a.n)
    .map((c) => c.name);
}

/** "Syria", "Syria and Iraq", "Syria, Iraq and Turkey", "Syria, Iraq, Turkey and 2 more countries". */
export function listCountries(names: readonly string[], max = 3): string {
  if (names.length > max)
    return `${names.slice(0, max).join(', ')} and ${plural(names.length - max, 'more country', 'more countries')}`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The footer: "This issue covers 23 reports from 9 outlets on events in Syria, published 28 Mar – 4 Apr 2017." */
export function wordCoverage(
  countries: readonly string[],
  sources: readonly { outlet: string | null; publishedOn: string | null }[],
): string {
  const outlets = new Set(sources.map((s) => s.outlet).filter(Boolean)).size;
  const dates = sources
    .map((s) => s.publishedOn)
    .filter((d): d is string => d !== null)
    .sort();
  const where = countries.length ? ` on events in ${listCountries(countries, 6)}` : '';
  const first = dates[0];
  const last = dates.at(-1);
  const when =
    !first || !last
      ? ''
      : first === last
        ? `, published ${shortDate(first)}`
        : `, published ${shortDate(first)} – ${shortDate(last)}`;
  const from = outlets ? ` from ${plural(outlets, 'outlet', 'outlets')}` : '';
  return `This issue covers ${plural(sources.length, 'report', 'reports')}${from}${where}${when}.`;
}

/** The top box: killed, injured and displaced on the day, each against the same day a week before. */
/** `thenLabel` names what is compared with (a weekly edition: "the week before"); by default the day a week before. */
export function tallyViews(tallies: readonly DayTally[], date: string, thenLabel?: string): TallyView[] {
  const day = tallies.find((t) => t.date === date);
  const weekBefore = addDays(date, -7);
  const before = tallies.find((t) => t.date === weekBefore);
  const then = thenLabel ?? dayMonthLabel(weekBefore);
  const measures = [
    ['Killed', 'killed'],
    ['Injured', 'injured'],
    ['Displaced', 'displaced'],
  ] as const;
  return measures.map(([label, m]) => {
    const now = day?.[m] ?? null;
    const was = before?.[m] ?? null;
    let change: string;
    if (was === null) change = `none reported on ${then}`;
    else if (now === null) change = `${number.format(was)} on ${then}`;
    else if (now === was) change = `same as ${then}`;
    else change = `${now > was ? 'up' : 'down'} ${number.format(Math.abs(now - was))} from ${then}`;
    return {
      label,
      value: now === null ? 'none reported' : number.format(now),
      reported: now !== null,
      change,
    };
  });
}

/** "Not shown: 31 reports without a date, 5 reports of a month or more, …"; null when nothing is left out. */
export function wordLeftOut(left: LeftOut, totalsOnly: number, lowerRanked: number): string | null {
  const parts = [
    left.undated ? `${plural(left.undated, 'report', 'reports')} without a date` : null,
    left.periods
      ? `${plural(left.periods, 'report', 'reports')} covering a month or more (a period, not a day’s incident)`
      : null,
    left.older ? `${plural(left.older, 'report', 'reports')} of events more than a week old` : null,
    totalsOnly ? `${plural(totalsOnly, 'event', 'events')} giving only a total for a period or a war` : null,
    lowerRanked ? `${plural(lowerRanked, 'lower-ranked event', 'lower-ranked events')}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? `Not shown: ${parts.join('; ')}.` : null;
}
