import type { Qualifier } from '@sitrep/schema/quantity';
import { FRACTIONS, SCALES, UNITS, VAGUE } from './number-words.ts';

/** A number as written, before anyone decides what it counts. */
export interface NumberMention {
  /** offsets in the text searched, hedge words included */
  start: number;
  end: number;
  /** where the number itself starts (after the hedge) */
  numberStart: number;
  text: string;
  best: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  /** written in words ("eight") rather than digits */
  inWords: boolean;
  /** a range as written ("between 20 and 30", "20 to 30", "20-30"): `low` and `high` are its ends */
  range: boolean;
}

const HEDGES: Record<string, Qualifier> = {
  'at least': 'at_least',
  'no fewer than': 'at_least',
  'more than': 'more_than',
  over: 'more_than',
  nearly: 'nearly',
  almost: 'nearly',
  about: 'about',
  around: 'about',
  approximately: 'about',
  roughly: 'about',
  some: 'about',
  'an estimated': 'about',
  'up to': 'up_to',
  'as many as': 'up_to',
  'less than': 'less_than',
  'fewer than': 'less_than',
};

const unitWords = Object.keys(UNITS).sort((a, b) => b.length - a.length);
const WORD_NUM = `(?:(?:${unitWords.join('|')})(?:-(?:${unitWords.slice(0).join('|')}))?(?:\\s+(?:hundred|thousand|million)(?:\\s+and\\s+(?:${unitWords.join('|')}))?)?)`;
const DIGITS = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?:thousand|million))?`;
const FRACTION = `(?:${Object.keys(FRACTIONS).join('|')})\\s+(?:thousand|million)`;
const VAGUE_RE = `(?:${Object.keys(VAGUE)
  .sort((a, b) => b.length - a.length)
  .join('|')}|a\\s+dozen)`;
const HEDGE_RE = `(?:(${Object.keys(HEDGES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\s+)?`;

/** One pass over the text; alternatives ordered so the longest reading wins at each position. */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N},.-])${HEDGE_RE}(${FRACTION}|${VAGUE_RE}|${DIGITS}|${WORD_NUM})(?![\\p{L}\\p{N}]|-(?!\\s)|,\\d)`,
  'giu',
);

/**
 * Every reading of NUMBER starts with a digit or one of its number words: a cheap test that lets
 * the many sentences with neither skip the full pattern (a case-insensitive Unicode scan with a
 * look-behind at every position).
 */
const MAY_HOLD_NUMBER = new RegExp(
  `\\d|(?<![\\p{L}\\p{N}])(?:${[...unitWords, ...Object.keys(VAGUE), ...Object.keys(FRACTIONS), 'a dozen']
    .map((words) =>
      words.startsWith('a ') ? words.split(' ').slice(0, 2).join('\\s+') : words.split(' ')[0],
    )
    .join('|')})`,
  'iu',
);

function wordValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and') continue;
    const unit = UNITS[w];
    const scale = SCALES[w];
    if (unit !== undefined) current += unit;
    else if (scale === 100) current *= 100;
    else if (scale !== undefined) {
      total += current * scale;
      current = 0;
    }
  }
  return total + current;
}

function readValue(raw: string): { best: number; low: number | null; high: number | null; inWords: boolean } {
  const lower = raw.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE[lower];
  if (vague) return { ...vague, inWords: true };
  if (lower === 'a dozen') return { best: 12, low: null, high: null, inWords: true };
  for (const [words, fraction] of Object.entries(FRACTIONS)) {
    if (lower.startsWith(words)) {
      const scale = SCALES[lower.slice(words.length).trim()] ?? 1;
      return { best: fraction * scale, low: null, high: null, inWords: true };
    }
  }
  const digits = /^([\d,.]+)(?: (thousand|million))?$/.exec(lower);
  if (digits) {
    const n = Number((digits[1] as string).replace(/,/g, ''));
    return { best: n * (digits[2] ? (SCALES[digits[2]] ?? 1) : 1), low: null, high: null, inWords: false };
  }
  return { best: wordValue(lower), low: null, high: null, inWords: true };
}

/** Every number in `text` with the hedge in front of it, in order. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  if (!MAY_HOLD_NUMBER.test(text)) return found;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const hedge = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const raw = m[2] as string;
    const v = readValue(raw);
    if (!Number.isFinite(v.best)) continue;
    const vague = VAGUE[raw.toLowerCase().replace(/\s+/g, ' ')] !== undefined;
    let qualifier: Qualifier = hedge ? (HEDGES[hedge] ?? 'exact') : vague ? 'vague' : 'exact';
    if (vague) qualifier = 'vague';
    let { low, high } = v;
    if (!vague) {
      if (qualifier === 'at_least' || qualifier === 'more_than') low = v.best;
      if (qualifier === 'up_to' || qualifier === 'nearly' || qualifier === 'less_than') high = v.best;
    }
    const start = m.index;
    found.push({
      start,
      end: start + m[0].length,
      numberStart: start + m[0].length - raw.length,
      text: m[0],
      best: v.best,
      low,
      high,
      qualifier,
      inWords: v.inWords,
      range: false,
    });
  }
  return joinRanges(text, found);
}

/** "20-30 people": digits joined by a hyphen or dash, which NUMBER leaves alone ("193-member"). */
const DASH_RANGE =
  /(?<![\p{L}\p{N},.-])(\d{1,3}(?:,\d{3})+|\d+)\s?[-\u2013]\s?(\d{1,3}(?:,\d{3})+|\d+)(?![\p{L}\p{N}]|[-/.,]\d)/gu;
const YEARISH = /^(?:19|20)\d\d$/;
/** The words that make two numbers one range, by what stands between them. */
const TO_BETWEEN = /^\s+(?:to|-|\u2013)\s+$/;
const AND_BETWEEN = /^\s+and\s+$/;

function plain(n: NumberMention): boolean {
  return (
    !n.range && n.low === null && n.high === null && (n.qualifier === 'exact' || n.qualifier === 'about')
  );
}

/**
 * Two numbers that state a range become one mention with `low` and `high` as written and
 * `best` the low end (the convention for vague figures), qualifier `vague`: "between 20 and
 * 30", "20 to 30", "20-30". Not a range: a change ("rose from 20 to 30"), a vote ("voted 122 to
 * 13", high below low), years ("2011-2013").
 */
function joinRanges(text: string, found: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as NumberMention;
    const b = found[i + 1];
    if (b && plain(a) && b.qualifier === 'exact' && !b.range && b.best > a.best) {
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 12), a.start);
      const isBetween = /\bbetween\s+$/i.test(before) && AND_BETWEEN.test(between);
      const isTo = TO_BETWEEN.test(between) && !/\b(?:from|voted)\s+$/i.test(before);
      if ((isBetween || isTo) && !YEARISH.test(a.text) && !YEARISH.test(b.text)) {
        const start = isBetween ? a.start - (before.length - before.search(/between\s+$/i)) : a.start;
        out.push(rangeOf(text, start, a.numberStart, b.end, a.best, b.best, a.inWords));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  if (!text.includes('-') && !text.includes('\u2013')) return out;
  DASH_RANGE.lastIndex = 0;
  for (let m = DASH_RANGE.exec(text); m !== null; m = DASH_RANGE.exec(text)) {
    const [low, high] = [m[1] as string, m[2] as string];
    const lo = Number(low.replace(/,/g, ''));
    const hi = Number(high.replace(/,/g, ''));
    if (hi <= lo || YEARISH.test(low) || YEARISH.test(high)) continue;
    if (out.some((n) => n.start < m!.index + m![0].length && n.end > m!.index)) continue;
    out.push(rangeOf(text, m.index, m.index, m.index + m[0].length, lo, hi, false));
  }
  return out.sort((x, y) => x.start - y.start);
}

function rangeOf(
  text: string,
  start: number,
  numberStart: number,
  end: number,
  low: number,
  high: number,
  inWords: boolean,
): NumberMention {
  const words = text.slice(start, end);
  return {
    start,
    end,
    numberStart,
    text: words,
    best: low,
    low,
    high,
    qualifier: 'vague',
    inWords,
    range: true,
  };
}
