import type { DatePrecision } from '@sitrep/schema/primitives';
import { UNITS } from '../numbers/number-words.ts';
import { addDays, monthRange, weekRange } from './calendar.ts';
import { resolveWeekday } from './relative-day.ts';

const COUNT = '(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)';
export const DURATION = new RegExp(`${COUNT}\\s+(hours?|days?|weeks?|months?|years?)`, 'i');
const AGO = new RegExp(`\\b${COUNT}\\s+(hours?|days?|weeks?|months?|years?)\\s+ago\\b`);
// Number words come from the quantity reader's table; a period also allows "a"/"an" and the
// vague "few"/"several", counted as the least the words allow so a range never claims too much.
const NUMBERS: Record<string, number> = { ...UNITS, a: 1, an: 1, few: 2, several: 3 };

interface Period {
  start: string;
  end: string;
  precision: DatePrecision;
}

const count = (word: string) => Number(word) || NUMBERS[word] || 1;

function shiftMonths(day: string, months: number): { year: number; month: number } {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 };
}

function back(day: string, n: number, unit: string): string {
  if (unit.startsWith('hour')) return addDays(day, -Math.ceil(n / 24));
  if (unit.startsWith('day')) return addDays(day, -n);
  if (unit.startsWith('week')) return addDays(day, -7 * n);
  const months = unit.startsWith('month') ? n : 12 * n;
  const { year, month } = shiftMonths(day, -months);
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), Number(monthRange(year, month).end.slice(8, 10)));
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

const precisionOf = (unit: string): DatePrecision =>
  unit.startsWith('week')
    ? 'week'
    : unit.startsWith('month')
      ? 'month'
      : unit.startsWith('year')
        ? 'year'
        : 'day';

/**
 * Relative expressions anchored at the publication day: "two years ago" (that whole year),
 * "in the past 48 hours" / "over the last two weeks" (the stretch up to publication), "last
 * week" / "next week" (Monday to Sunday), "last month", "last year", "earlier this week", the
 * weekend. Null when the words are none of these.
 */
export function resolveRelative(lower: string, day: string, tense: 'past' | 'scheduled'): Period | null {
  const ago = AGO.exec(lower);
  if (ago) {
    const unit = ago[2] as string;
    const at = back(day, count(ago[1] as string), unit);
    if (unit.startsWith('year'))
      return { start: `${at.slice(0, 4)}-01-01`, end: `${at.slice(0, 4)}-12-31`, precision: 'year' };
    if (unit.startsWith('month'))
      return { ...monthRange(Number(at.slice(0, 4)), Number(at.slice(5, 7))), precision: 'month' };
    if (unit.startsWith('week')) return { ...weekRange(at), precision: 'week' };
    return { start: at, end: at, precision: 'day' };
  }
  const duration = DURATION.exec(lower);
  if (duration) {
    const unit = duration[2] as string;
    return { start: back(day, count(duration[1] as string), unit), end: day, precision: precisionOf(unit) };
  }
  if (/\bweekend\b/.test(lower)) {
    const saturday = resolveWeekday(day, 6, tense);
    return { start: saturday, end: addDays(saturday, 1), precision: 'day' };
  }
  if (/\b(?:last|previous)\s+week\b/.test(lower))
    return { ...weekRange(addDays(day, -7)), precision: 'week' };
  if (/\bpast\s+week\b/.test(lower)) return { start: addDays(day, -7), end: day, precision: 'week' };
  if (/\bnext\s+week\b/.test(lower)) return { ...weekRange(addDays(day, 7)), precision: 'week' };
  if (/\bthis\s+week\b/.test(lower)) return { start: weekRange(day).start, end: day, precision: 'week' };
  const year = /\b(last|past|previous|next|this)\s+year\b/.exec(lower);
  if (year) {
    const y = Number(day.slice(0, 4)) + (year[1] === 'next' ? 1 : year[1] === 'this' ? 0 : -1);
    return { start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
  }
  const month = /\b(last|past|previous|next|this)\s+month\b/.exec(lower);
  if (month) {
    const { year: y, month: m } = shiftMonths(day, month[1] === 'next' ? 1 : month[1] === 'this' ? 0 : -1);
    return { ...monthRange(y, m), precision: 'month' };
  }
  return null;
}
