/**
 * The quote of the day: a direct quotation by a named speaker, long enough to say something
 * and short enough to read in a box. Named (resolved) speakers beat descriptions ("a
 * fighter"), a stated title beats none, and the earliest such quote wins a tie.
 */
import type { DayQuote } from '../day-data.ts';
import type { DigestArticlesQuery } from './operations.generated.ts';

export type QuoteClaim = DigestArticlesQuery['articles']['edges'][number]['node']['claims'][number];

const MIN = 60;
const MAX = 320;

function score(c: QuoteClaim): number {
  if (c.kind !== 'QUOTE' || !c.speaker || c.text.length < MIN || c.text.length > MAX) return -1;
  return (c.speaker.actor?.actor ? 4 : c.speaker.actor ? 2 : 0) + (c.speaker.title ? 1 : 0);
}

export function pickQuote(claims: readonly [articleId: string, claim: QuoteClaim][]): DayQuote | null {
  let best: [string, QuoteClaim] | null = null;
  let bestScore = 0;
  for (const entry of claims) {
    const s = score(entry[1]);
    if (s > bestScore) {
      best = entry;
      bestScore = s;
    }
  }
  if (!best) return null;
  const [articleId, c] = best;
  const speaker = c.speaker!;
  return {
    text: c.text,
    speaker: speaker.actor?.actor?.name ?? speaker.actor?.name ?? speaker.text,
    title: speaker.title,
    articleId,
    eventId: null,
  };
}
