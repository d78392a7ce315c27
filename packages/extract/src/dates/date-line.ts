import { isoDate } from './calendar.ts';
import type { Dateline } from './find-dateline.ts';
import { tenseAt } from './tense.ts';

/** One way to read a numeric date line: the order of its fields and the date it gives. */
export interface DateReading {
  order: 'year/month/day' | 'day/month/year' | 'month/day/year';
  date: string;
}

/**
 * A line that is nothing but a numeric date with a two-digit year ("24/09/20", "08.12.26"), as
 * newsletters and some sites print under the headline. It has up to three readings — 2024-09-20,
 * 24 September 2020, or (where the fields allow) a month-first date — and the line alone cannot
 * say which: the body decides (`pickReading`), or the date stays unknown.
 */
export interface NumericDateLine extends Dateline {
  readings: DateReading[];
}

const SHORT_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2})$/;

/** A two-digit year is this century's: the wars Sitrep reads are reported from 2000 on. */
const century = (yy: string) => 2000 + Number(yy);

export function readNumericDateLine(text: string): NumericDateLine | null {
  const trimmed = text.trim();
  const m = SHORT_DATE.exec(trimmed);
  if (!m) return null;
  const [a, b, c] = [m[1], m[3], m[4]] as [string, string, string];
  const readings: DateReading[] = [];
  const add = (order: DateReading['order'], date: string | null) => {
    if (date && !readings.some((r) => r.date === date)) readings.push({ order, date });
  };
  add('year/month/day', a.length === 2 ? isoDate(century(a), Number(b), Number(c)) : null);
  add('day/month/year', isoDate(century(c), Number(b), Number(a)));
  add('month/day/year', isoDate(century(c), Number(a), Number(b)));
  if (!readings.length) return null;
  const start = text.indexOf(trimmed);
  return { text: trimmed, start, end: start + trimmed.length, date: null, confidence: 0.8, readings };
}

/**
 * A year the body tells as past ("was killed by rebels in 2021", "since taking office in
 * 2022"): only after "in" or "since", so "by 2030" targets and "the 2026 elections" are not read.
 */
const PAST_YEAR = /\b(?:in|since)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b/gi;

export interface PickedReading {
  date: string | null;
  reason: string;
}

/**
 * The reading the body allows: an article cannot tell as past a year after its own, so a
 * reading earlier than the latest such year is ruled out. One reading left is the date; more
 * than one (or none) leaves the date unknown, with the readings in the reason.
 */
export function pickReading(line: NumericDateLine, paragraphs: string[]): PickedReading {
  let latest: { year: number; text: string } | null = null;
  for (const text of paragraphs)
    for (const m of text.matchAll(PAST_YEAR)) {
      const year = Number(m[1]);
      const index = m.index + m[0].length - 4;
      if (tenseAt(text.slice(Math.max(0, index - 120), index), Math.min(index, 120), m[0]) !== 'past')
        continue;
      if (!latest || year > latest.year) latest = { year, text: m[0] };
    }
  const listed = (rs: DateReading[]) => rs.map((r) => `${r.date} (${r.order})`).join(' or ');
  if (line.readings.length === 1) {
    const only = line.readings[0] as DateReading;
    return { date: only.date, reason: `the date line "${line.text}" reads only as ${only.order}` };
  }
  const left = latest ? line.readings.filter((r) => Number(r.date.slice(0, 4)) >= (latest?.year ?? 0)) : [];
  if (latest && left.length === 1) {
    const kept = left[0] as DateReading;
    const out = line.readings.filter((r) => r !== kept);
    return {
      date: kept.date,
      reason: `the date line "${line.text}" read as ${kept.order}: read as ${listed(out)} it would be earlier than "${latest.text}", which the text tells as past`,
    };
  }
  return {
    date: null,
    reason: `the date line "${line.text}" can be read as ${listed(line.readings)} and the text does not say which`,
  };
}
