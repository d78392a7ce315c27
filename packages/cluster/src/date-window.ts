import type { EventMention } from './event-mention.ts';

/** Inclusive window of day numbers (days since 1970-01-01, UTC). */
export interface DayWindow {
  from: number;
  to: number;
  /** true when the event has no date of its own and is dated by its report (precision `reported`) */
  inferred: boolean;
  /**
   * For a report-dated event that may be a background reference (`backgroundReach`): the first
   * day of its news window (the two days up to the report). The window itself then reaches
   * back `BACKGROUND_DAYS`; what lies outside the news window needs a background tie.
   */
  newsFrom?: number;
}

const DAY_MS = 86_400_000;

/** Windows longer than this are too vague to block on: such mentions link only through quotes. */
export const MAX_BLOCK_DAYS = 62;

/**
 * Reports resolve "on Thursday" against their own date line and sometimes land a day off,
 * so day- and week-precise windows get one day of slack on either side.
 */
const SLACK_DAYS = 1;

/**
 * An event dated by its report (no date of its own) happened on or before the day it was
 * reported; as news, on that day or just before, so it is compared with the two days up to it.
 */
export const REPORTED_LOOKBACK_DAYS = 2;

// dayNumber and isoFromDay run for every date of every mention and every canonical event, tens
// of thousands of times a recluster. Building "…T00:00:00Z" and parsing it, or a Date and its
// ISO string, cost ~0.2 and ~0.6 µs a call; reading the digits and doing the calendar
// arithmetic (days from civil and back, H. Hinnant's algorithms) cost a tenth of that. Anything
// outside the plain case goes the old way, so the results are the same for every input
// (test/date-window.test.ts compares the two).

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), as Date.parse counts them. */
export function dayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    // Date.parse takes any day 01–31 and runs over into the next month (30 February is 1
    // March); the arithmetic, linear in the day, does the same
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return daysFromCivil(y, m, d);
  }
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoFromDay(day: number): string {
  if (Number.isInteger(day)) {
    const { y, m, d } = civilFromDays(day);
    // four-digit years only; toISOString writes others with a sign and six digits
    if (y >= 1000 && y <= 9999) return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const DASH = 45;
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** The number written in s[at, at + n), or -1 when any of it is not a digit. */
function digits(s: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The year counted from March, so that the leap day ends it; 400-year eras of 146,097 days.
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/**
 * The days a mention's event could have happened on, or null when nothing dates it. The window
 * is read from the event's own `occurred` only: extraction dates an undated event by its report
 * (precision `reported`) exactly when the article's publication day may bound it, so the record
 * and the clustering agree on which events have a window.
 */
export function mentionWindow(m: Pick<EventMention, 'occurred'>): DayWindow | null {
  const { start, end, precision } = m.occurred;
  if (start === null || end === null || precision === 'unknown') return null;
  if (precision === 'reported') {
    const day = dayNumber(end);
    return { from: day - REPORTED_LOOKBACK_DAYS, to: day, inferred: true };
  }
  const slack = precision === 'day' || precision === 'week' ? SLACK_DAYS : 0;
  return { from: dayNumber(start) - slack, to: dayNumber(end) + slack, inferred: false };
}

/**
 * How far back a report may refer to an event without dating it: a follow-up story's "the
 * attack that killed 58" or "some 1,200 killed on 7 October" names an incident of the weeks or
 * months before (w07 recalls the attack of 7 October 76 days later). Three months.
 */
export const BACKGROUND_DAYS = 92;

/**
 * A report-dated event with a toll high enough to identify an incident (`BACKGROUND_MIN_KILLED`
 * in link-rules) happened on or before its report day, not only in the two days before: its
 * window reaches back `BACKGROUND_DAYS`, the news window kept in `newsFrom`.
 */
export function backgroundReach(w: DayWindow | null): DayWindow | null {
  if (w === null || !w.inferred) return w;
  return { from: w.to - BACKGROUND_DAYS, to: w.to, inferred: true, newsFrom: w.from };
}

/** The days a report-dated event is news on: the window, or the news part of a background one. */
export function newsWindow(w: DayWindow): DayWindow {
  return w.newsFrom === undefined ? w : { from: w.newsFrom, to: w.to, inferred: true };
}

export function windowsOverlap(a: DayWindow, b: DayWindow): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function blockable(w: DayWindow | null): w is DayWindow {
  return w !== null && (w.to - w.from + 1 <= MAX_BLOCK_DAYS || w.newsFrom !== undefined);
}
