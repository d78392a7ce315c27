import { addDays, weekdayOf } from './calendar.ts';

/**
 * The day a bare weekday names, seen from the publication day: in past-tense context the
 * most recent such day (the same day counts: "said on Friday" in a Friday paper is today),
 * after future words the next one ("will meet on Saturday").
 */
export function resolveWeekday(reference: string, weekday: number, tense: 'past' | 'scheduled'): string {
  const today = weekdayOf(reference);
  if (tense === 'scheduled') return addDays(reference, (weekday - today + 7) % 7);
  return addDays(reference, -((today - weekday + 7) % 7));
}
