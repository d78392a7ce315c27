import { addDays } from './calendar.ts';
import type { Found } from './read-chrono-result.ts';

/**
 * "The deaths came a day after five children were killed": the sentence dates what follows
 * "after" from the event its subject points back to, told in the sentence before ("... eight
 * people killed Wednesday"). Only a pointing subject (the / this / it ...) at the start of the
 * sentence, and only when the sentence before names exactly one day; otherwise the mention is
 * kept with null dates and the reason.
 */
const DAYS_AFTER =
  /^(?:the|this|that|these|those|it|they)\b(?:\s+[\w-]+){0,2}?\s+(?:came|happened|occurred|followed|was|were)\s+((a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+after)\b/i;
const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** "a day after" as found: it dates what follows it, never the subject before it ("The airstrikes came ..."). */
export const isDaysAfter = (words: string): boolean => /^\S+\s+days?\s+after$/i.test(words);

/** Whether the sentence may date an event from the sentence before (a cheap test first). */
export const pointsBack = (text: string): boolean => DAYS_AFTER.test(text);

/** The days of the sentence before: mentions naming one whole day. */
export interface PreviousDay {
  start: string | null;
  end: string | null;
  precision: string;
  reason: string | null;
}

function reasonWithout(words: string, days: number, previous: readonly PreviousDay[]): string {
  const from = `"${words}" counts from an event in the sentence before`;
  if (days > 1) return `${from}, which names several days`;
  // the day is there but could not be resolved ("Wednesday" with no publication date)
  const unresolved = previous.find((d) => d.start === null && d.reason);
  return unresolved ? `${from}, whose date is unknown: ${unresolved.reason}` : `${from}, which gives no day`;
}

export function daysAfter(text: string, previous: readonly PreviousDay[]): Found | null {
  const m = DAYS_AFTER.exec(text);
  if (!m) return null;
  const words = m[1] as string;
  const count = COUNT[(m[2] as string).toLowerCase()] ?? Number(m[2]);
  const index = m.index + m[0].length - words.length;
  const days = [
    ...new Set(
      previous.filter((d) => d.precision === 'day' && d.start && d.start === d.end).map((d) => d.start),
    ),
  ];
  const anchor = days.length === 1 ? (days[0] as string) : null;
  const day = anchor ? addDays(anchor, -count) : null;
  return {
    index,
    text: words,
    start: day,
    end: day,
    precision: 'day',
    tense: 'past',
    reason: anchor ? null : reasonWithout(words, days.length, previous),
  };
}
