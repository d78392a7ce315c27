import type { PublishedAt } from '@sitrep/schema/article';
import type { DatePrecision, IsoDate, Span } from '@sitrep/schema/primitives';
import type { Sentence } from '../prepared-document.ts';
import { addDays, MONTHS, monthRange } from './calendar.ts';
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
/** "seized Goma in January", "since March", "in early May": a month named with no day and no year (capitalised: "may" is a verb) */
const MONTH_ONLY =
  /\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|by|[Dd]uring|through|[Tt]hroughout|[Bb]efore|[Aa]fter|of)\s+(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d|,?\s+(?:of\s+)?(?:19|20)\d\d)(?:\s+(?:of\s+)?(last|this|next)\s+year\b)?/g;
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
  addMonthsAlone(text, found, reference);
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

/**
 * "Rwanda-backed M23 rebels seized Goma in January": a month with no year is that month of the
 * publication year, or of the year before when that would put a past event after publication
 * (the next year for a scheduled one); never year-certain without a publication year. chrono
 * reads a month only with a day or a year, so such an event took the report's day.
 */
function addMonthsAlone(text: string, found: Found[], reference: Reference): void {
  MONTH_ONLY.lastIndex = 0;
  for (let m = MONTH_ONLY.exec(text); m !== null; m = MONTH_ONLY.exec(text)) {
    const name = m[1] as string;
    const index = m.index + m[0].indexOf(name);
    // ("in June last year": the month of the year named, one mention)
    const words = m[0].slice(m[0].indexOf(name));
    if (found.some((f) => index < f.index + f.text.length && f.index < index + name.length)) continue;
    const month = MONTHS[name.toLowerCase()] as number;
    const tense = tenseAt(text, m.index, m[0]);
    let year = reference.year;
    const published = reference.day ? Number(reference.day.slice(5, 7)) : null;
    const which = m[2]?.toLowerCase();
    if (year !== null && which) year += which === 'last' ? -1 : which === 'next' ? 1 : 0;
    else if (year !== null && published !== null) {
      if (tense === 'past' && month > published) year -= 1;
      if (tense === 'scheduled' && month < published) year += 1;
    }
    if (which)
      for (let k = found.length - 1; k >= 0; k--) {
        const f = found[k] as Found;
        if (f.index < index + words.length && index < f.index + f.text.length) found.splice(k, 1);
      }
    const range = year === null ? null : monthRange(year, month);
    insertSorted(found, {
      index,
      text: words,
      start: range?.start ?? null,
      end: range?.end ?? null,
      precision: 'month',
      tense,
      reason:
        year === null
          ? `no publication year to resolve "${words}" against`
          : reference.yearInferred
            ? `year ${year} taken from the publication date, which is itself inferred`
            : null,
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
