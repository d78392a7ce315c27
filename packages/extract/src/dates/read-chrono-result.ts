import type { DatePrecision } from '@sitrep/schema/primitives';
import type { ParsedResult } from 'chrono-node';
import { daysBetween, isoDate, monthRange } from './calendar.ts';
import { resolveWeekday } from './relative-day.ts';
import { DURATION, resolveRelative } from './relative-period.ts';
import { tenseAt } from './tense.ts';

/** The publication date as an anchor: the day when known, else only its year. */
export interface Reference {
  day: string | null;
  year: number | null;
  /** the year itself was inferred (caption, body), not printed */
  yearInferred: boolean;
}

export interface Found {
  index: number;
  text: string;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  tense: 'past' | 'scheduled';
  reason: string | null;
}

const MONTH_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
const TIME_MARK =
  /\d:\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b|o'clock|\bmorning\b|\bevening\b|\bnight\b|\bafternoon\b/i;
const WEEKDAY_PHRASE = /\b(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
/**
 * Not a date, or a date relative to another event rather than to the publication day:
 * "now", "after three months", "a week after", "the days after", a bare time of day.
 */
const NOT_A_DATE = new RegExp(
  [
    '^(?:right\\s+)?now$',
    '^(?:after|before|within|for)\\s+.*\\b(?:days?|weeks?|months?|years?)(?:\\s+\\w+)?$',
    '^(?:the\\s+)?(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|the)\\s+(?:hours?|days?|weeks?|months?|years?)\\s+(?:after|before|later|earlier)$',
    '^(?:(?:later\\s+)?in\\s+the\\s+)?(?:day|night|morning|evening|afternoon)$',
    '^(?:noon|midnight|tonight)$',
    '^\\d{1,2}/\\d{1,2}$',
  ].join('|'),
  'i',
);
const CLOCK = /\d\s*(?:[ap]\.?m\b|GMT|UTC)|\d:\d/i;

/** One chrono result → a resolved mention, or null when it is not a date at all. */
export function readChronoResult(
  sentence: string,
  r: ParsedResult,
  ref: Reference,
  /** where the text chrono read starts in the sentence */
  offset = 0,
): Found | null {
  let text = r.text.replace(/[\s,.;:]+$/, '');
  let index = r.index + offset;
  // the words just before the expression (the tests below look back a word or two)
  const before = sentence.slice(Math.max(0, index - 80), index);
  if (NOT_A_DATE.test(text) || /\bborn\s+$/.test(before)) return null;
  // "a road sat a woman": a weekday is capitalised in English prose.
  if (/^(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$/.test(text)) return null;
  if (/\bweekend\b/i.test(text) && !/\b(?:this|last|next|the|over the)\s+$/i.test(before)) return null;
  // "122 to 13 on Friday" was read as a time range: keep the day words only.
  if (r.start.isCertain('hour') && !TIME_MARK.test(text) && !DURATION.test(text)) {
    const day = WEEKDAY_PHRASE.exec(text);
    if (!day) return null;
    index += day.index;
    text = day[0];
  }
  // A clock time alone ("around 230 pm") says which hour, not which day.
  if (
    CLOCK.test(text) &&
    !r.start.isCertain('weekday') &&
    !r.start.isCertain('day') &&
    !/\b(?:today|yesterday|tonight)\b/i.test(text)
  )
    return null;
  // "the Ariha Today Facebook page": a capitalised "Today" inside a sentence is a name.
  if (
    /^Today$/.test(text) &&
    index > 0 &&
    /\p{Lu}[\p{L}]*\s+$/u.test(sentence.slice(Math.max(0, index - 80), index))
  )
    return null;
  const tense = tenseAt(sentence, index, text);
  const found = foundAt(index, text, tense);
  if (MONTH_WORD.test(text) || NUMERIC_DATE.test(text)) return explicit(r, text, ref, found, tense);
  if (!ref.day) return found(null, null, 'unknown', `no publication date to resolve "${text}" against`);
  const period = resolveRelative(text.toLowerCase(), ref.day, tense);
  if (period) return found(period.start, period.end, period.precision);
  if (r.start.isCertain('weekday') && !r.start.isCertain('day')) {
    const day = resolveWeekday(ref.day, r.start.get('weekday') as number, tense);
    return found(day, day, 'day');
  }
  const start = componentsIso(r.start);
  if (!start) return null;
  const end = r.end ? (componentsIso(r.end) ?? start) : start;
  return found(start, end.localeCompare(start) < 0 ? start : end, 'day');
}

type Make = (
  start: string | null,
  end: string | null,
  precision: DatePrecision,
  reason?: string | null,
) => Found;

/**
 * A maker of the mention at `index`, made by a module-level function: a named closure inside
 * readChronoResult would be renamed on every call by the TypeScript loader (keepNames).
 */
function foundAt(index: number, text: string, tense: 'past' | 'scheduled'): Make {
  return (start, end, precision, reason = null) => ({ index, text, start, end, precision, tense, reason });
}

function explicit(
  r: ParsedResult,
  text: string,
  ref: Reference,
  found: Make,
  tense: 'past' | 'scheduled',
): Found | null {
  const hasYear = /\b(?:19|20)\d\d\b|\d[./-]\d{2}$/.test(text);
  let day = r.start.isCertain('day') ? (r.start.get('day') as number) : null;
  const month = r.start.get('month') as number;
  // chrono reads "Nov. 30" as November 2030: a two-digit number after a month is a day.
  if (!hasYear && day === null && r.start.isCertain('year')) {
    const n = (r.start.get('year') as number) % 100;
    if (n >= 1 && n <= 31) day = n;
  }
  if (hasYear) {
    const year = r.start.get('year') as number;
    if (day === null) return { ...found(null, null, 'month'), ...monthRange(year, month) };
    const start = isoDate(year, month, day);
    if (!start) return null;
    const end = r.end?.isCertain('day')
      ? isoDate(year, (r.end.get('month') as number) ?? month, r.end.get('day') as number)
      : null;
    return found(start, end && end >= start ? end : start, 'day');
  }
  if (day === null) return null;
  if (ref.year === null)
    return found(null, null, 'unknown', `"${text}" gives no year and the publication date is unknown`);
  let year = ref.year;
  let start = isoDate(year, month, day);
  // A past event dated after the publication day belongs to the year before (a January paper on "December 28").
  if (start && ref.day && tense === 'past' && daysBetween(ref.day, start) > 7) {
    year -= 1;
    start = isoDate(year, month, day);
  }
  if (!start) return null;
  const endDay = r.end?.isCertain('day') ? (r.end.get('day') as number) : null;
  const end = endDay ? isoDate(year, (r.end?.get('month') as number) ?? month, endDay) : start;
  const reason =
    ref.day && !ref.yearInferred
      ? null
      : `year ${year} taken from the publication date, which is itself inferred`;
  return found(start, end && end >= start ? end : start, 'day', reason);
}

function componentsIso(c: ParsedResult['start']): string | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  return y && m && d ? isoDate(y, m, d) : null;
}
