import type { NumberMention } from './find-numbers.ts';

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
export function joinRanges(text: string, found: NumberMention[]): NumberMention[] {
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
