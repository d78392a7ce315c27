import type { Qualifier } from '@sitrep/schema/quantity';
import { joinRanges } from './number-ranges.ts';
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
const WORD_NUM = `(?:(?:${unitWords.join('|')})(?:-(?:${unitWords.slice(0).join('|')}))?(?:\\s+(?:dozen|hundred|thousand|million)(?:\\s+and\\s+(?:${unitWords.join('|')}))?)?)`;
const DIGITS = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?:dozen|thousand|million))?`;
const FRACTION = `(?:${Object.keys(FRACTIONS).join('|')})\\s+(?:thousand|million)`;
const VAGUE_RE = `(?:${Object.keys(VAGUE)
  .sort((a, b) => b.length - a.length)
  .join('|')}|a\\s+dozen)`;
const HEDGE_RE = `(?:(${Object.keys(HEDGES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\s+)?`;

/**
 * One pass over the text; alternatives ordered so the longest reading wins at each position.
 * A clock time or a ratio ("at 6:30 a.m.", "a 3:1 vote") holds no count: neither side of its
 * colon is read ("6:30 a.m. warplanes targeted ... killed more than 50" had 6 killed).
 */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N},.-]|\\d:)${HEDGE_RE}(${FRACTION}|${VAGUE_RE}|${DIGITS}|${WORD_NUM})(?![\\p{L}\\p{N}]|-(?!\\s)|,\\d|:\\d)`,
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
  const digits = /^([\d,.]+)(?: (dozen|thousand|million))?$/.exec(lower);
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
