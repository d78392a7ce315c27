/** Dates as a British newsroom writes them. Dates are calendar days: everything is read in UTC. */

const long = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const short = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonth = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const weekdayDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Friday 9 December 2016" (Intl puts a comma after the weekday; newsrooms do not). */
export const longDate = (iso: string) => long.format(at(iso)).replace(',', '');
/** "9 Dec 2016" */
export const shortDate = (iso: string) => short.format(at(iso));
/** "Sat 10 Dec" */
export const dayMonthLabel = (iso: string) => dayMonth.format(at(iso)).replace(',', '');
/** "Fri 9" */
export const weekdayDayLabel = (iso: string) => weekdayDay.format(at(iso)).replace(',', '');

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const d = at(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "Thu 29 Dec 2016" */
const dayMonthYearLabel = (iso: string) => `${dayMonthLabel(iso)} ${iso.slice(0, 4)}`;

/**
 * A day, a range of days, or a whole month or year: "Fri 9 Dec", "Wed 7 Dec – Thu 8 Dec",
 * "Wed 30 Nov – Fri 2 Dec", "Thu 29 Dec 2016 – Mon 2 Jan 2017", "December 2016", "2015".
 * Both ends of a range are printed whole ("Thu 1 – Thu 31 Dec" read as one day to a reader
 * skimming it), so a span never reads as days of the wrong month.
 */
export function spanLabel(start: string | null, end: string | null): string | null {
  if (!start) return null;
  if (!end || end === start) return dayMonthLabel(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  if (sameYear && start.endsWith('-01-01') && end.endsWith('-12-31')) return start.slice(0, 4);
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  if (sameMonth && start.endsWith('-01') && addDays(end, 1).endsWith('-01'))
    return monthYear.format(at(start));
  if (sameYear) return `${dayMonthLabel(start)} – ${dayMonthLabel(end)}`;
  return `${dayMonthYearLabel(start)} – ${dayMonthYearLabel(end)}`;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day the calendar has (2016-13-45 and 2016-02-30 do not). */
export function isCalendarDay(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}
