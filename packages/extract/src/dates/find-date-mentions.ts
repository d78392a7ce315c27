import type { PublishedAt } from '@sitrep/schema/article';
import type { DatePrecision, IsoDate, Span } from '@sitrep/schema/primitives';
import type { Sentence } from '../prepared-document.ts';
import { addDays } from './calendar.ts';
import { chronoGB } from './chrono-parser.ts';
import { daysAfter } from './days-after.ts';
import { firstAtOrAfter, insertSorted, lastDayBefore } from './found-list.ts';
import { pieces } from './long-text.ts';
import { type Found, type Reference, readChronoResult } from './read-chrono-result.ts';
import { tenseAt } from './tense.ts';

/** A date expression in a sentence, resolved against the article's publication date. */
export interface DateMention {
  /** the words as written ("on Tuesday and Wednesday", "Nov. 30", "last month") */
  text: string;
  /** offsets in the ORIGINAL article text */
  span: Span;
  start: IsoDate | null;
  end: IsoDate | null;
  precision: DatePrecision;
  /** `scheduled` after future words ("will meet ... on Saturday") */
  tense: 'past' | 'scheduled';
  /** why start/end are null or coarse ("no publication date to resolve 'Thursday' against") */
  reason: string | null;
}

const YEAR_ONLY =
  /\b(?:in|since|from|until|by|of|early|late|mid-?|before|after|throughout)\s*((?:19|20)\d\d)\b(?!\s*[-/.]\d)/g;
const RANGE_JOIN = /^\s*(?:and|to|through|until|-|\u2013)\s*$/;

/**
 * Every date expression in the sentence, in order of appearance. chrono-node finds them;
 * Sitrep's rules decide what they mean: bare weekdays look back in past-tense context and
 * forward after future words, a date without a year is never reported as year-certain, and
 * relative expressions without a publication day to anchor them are null with a reason.
 */
export function findDateMentions(
  sentence: Sentence,
  publishedAt: PublishedAt,
  /** the mentions of the sentence before, for "The deaths came a day after ..." (see days-after.ts) */
  previous?: readonly DateMention[],
): DateMention[] {
  const reference = referenceOf(publishedAt);
  const text = sentence.text;
  const instant = new Date(`${reference.day ?? '2000-01-01'}T12:00:00Z`);
  const found: Found[] = [];
  // "voted 122 to 13 on Friday": chrono reads "122 to 13" as a time range. Blank such counts
  // (same length, so offsets hold) before parsing.
  const masked = text.replace(/\b\d+\s+to\s+\d+\b/g, (m) => ' '.repeat(m.length));
  for (const [from, to] of pieces(masked))
    for (const result of chronoGB.parse(masked.slice(from, to), { instant, timezone: 0 })) {
      const read = readChronoResult(text, result, reference, from);
      if (read) found.push(read);
    }
  addYearsAlone(text, found);
  found.sort((a, b) => a.index - b.index);
  const merged = mergeRanges(text, found);
  extendOvernight(text, merged, reference);
  addDayBefore(text, merged, reference);
  const after = previous ? daysAfter(text, previous) : null;
  if (
    after &&
    !merged.some((f) => f.index < after.index + after.text.length && f.index + f.text.length > after.index)
  )
    insertSorted(merged, after);
  return merged.map((f) => ({
    text: f.text,
    span: { start: sentence.toOriginal(f.index), end: sentence.toOriginal(f.index + f.text.length) },
    start: f.start,
    end: f.end,
    precision: f.start === null ? 'unknown' : f.precision,
    tense: f.tense,
    reason: f.reason,
  }));
}

function referenceOf(p: PublishedAt): Reference {
  // The latest date in an undated article's body only bounds it from below ("18 years after ...
  // the September 11, 2001 attacks"): read from it, "on Wednesday" would be a day years off.
  if (!p.date || p.basis === 'body') return { day: null, year: null, yearInferred: false };
  return {
    day: p.precision === 'day' ? p.date : null,
    year: Number(p.date.slice(0, 4)),
    yearInferred: p.basis !== 'metadata' && p.basis !== 'dateline',
  };
}

function addYearsAlone(text: string, found: Found[]): void {
  // chrono's mentions by offset, so only those that can reach a year are compared with it
  const chronoFound = [...found].sort((a, b) => a.index - b.index);
  const reach = chronoFound.reduce((n, f) => Math.max(n, f.text.length), 0);
  YEAR_ONLY.lastIndex = 0;
  for (let m = YEAR_ONLY.exec(text); m !== null; m = YEAR_ONLY.exec(text)) {
    const year = m[1] as string;
    const index = m.index + m[0].lastIndexOf(year);
    let overlaps = false;
    for (let k = firstAtOrAfter(chronoFound, index - reach); k < chronoFound.length; k++) {
      const f = chronoFound[k] as Found;
      if (f.index >= index + 4) break;
      if (index < f.index + f.text.length) overlaps = true;
    }
    if (overlaps) continue;
    found.push({
      index,
      text: year,
      start: `${year}-01-01`,
      end: `${year}-12-31`,
      precision: 'year',
      tense: 'past',
      reason: null,
    });
  }
}

/** "on Tuesday and Wednesday" is one mention: a range of two days. */
function mergeRanges(text: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    const bothDays =
      last?.start && f.start && last.end && f.end && last.precision === 'day' && f.precision === 'day';
    const bothOpen = last && last.start === null && f.start === null && last.precision === f.precision;
    if (last && (bothDays || bothOpen)) {
      const between = text.slice(last.index + last.text.length, f.index);
      if (RANGE_JOIN.test(between) && (bothOpen || (f.start as string) >= (last.start as string))) {
        last.text = text.slice(last.index, f.index + f.text.length);
        last.end = f.end;
        if (bothOpen) last.reason = `no publication date to resolve "${last.text}" against`;
        continue;
      }
    }
    out.push({ ...f });
  }
  return out;
}

/** "overnight into Thursday" starts the day before; a bare "overnight" is the night before the day in view. */
function extendOvernight(text: string, found: Found[], reference: Reference): void {
  const re = /\bovernight(?:\s+into)?\b/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const after = found[firstAtOrAfter(found, end)];
    const next = after && after.index - end <= 4 ? after : undefined;
    if (next && /into$/i.test(m[0])) {
      next.text = text.slice(m.index, next.index + next.text.length);
      next.index = m.index;
      if (next.start) next.start = addDays(next.start, -1);
      continue;
    }
    const anchor = lastDayBefore(found, m.index, 'end')?.end ?? reference.day;
    insertSorted(found, {
      index: m.index,
      text: 'overnight',
      start: anchor ? addDays(anchor, -1) : null,
      end: anchor,
      precision: 'day',
      tense: tenseAt(text, m.index, m[0]),
      reason: anchor ? null : 'no publication date to resolve "overnight" against',
    });
  }
}

/** "the previous day" / "the day before": the day before the date in view (the sentence's, else the paper's). */
function addDayBefore(text: string, found: Found[], reference: Reference): void {
  const re = /\bthe (?:previous day|day before)\b(?!\s+(?:the|a|an|\w+ed)\b)/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    const anchor = lastDayBefore(found, at, 'start')?.start ?? reference.day;
    const day = anchor ? addDays(anchor, -1) : null;
    insertSorted(found, {
      index: at,
      text: m[0],
      start: day,
      end: day,
      precision: 'day',
      tense: 'past',
      reason: anchor ? null : `no publication date to resolve "${m[0]}" against`,
    });
  }
}
