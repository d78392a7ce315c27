import type { PublishedAt } from '@sitrep/schema/article';
import { pointsBack } from '../dates/days-after.ts';
import { findDateMentions } from '../dates/find-date-mentions.ts';
import { type LocalDate, localDates } from '../events/pick-date.ts';
import type { Sentence } from '../prepared-document.ts';

/**
 * Every date expression the date finder reads contains a year, a numeric date, an ordinal or one
 * of these words (a bare count such as "13 people" is not one); a sentence with none is not
 * worth its (costly) parse. Each starts at a word boundary, written once in front of them all
 * so the engine tries the alternatives only where a word starts.
 */
const DATE_WORD =
  /\b(?:(?:19|20)\d\d\b|\d{1,2}[./-]\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|(?:yesterday|today|tonight|overnight|ago|day|days|week|weeks|weekend|month|months|year|years|morning|night|evening|afternoon|dawn|noon|midnight|earlier|later|last|next|recent)\b)/i;
/** Whether `text` may hold a date expression at all (a cheap test before the costly parse). */
export const mayNameDate = (text: string): boolean => DATE_WORD.test(text);

/**
 * The date mentions of each sentence, parsed on first request and kept: events and claims
 * ask for the same sentences, and the parse is the costliest step of the analysis.
 */
export function sentenceDates(
  sentences: readonly Sentence[],
  publishedAt: PublishedAt,
): (index: number) => LocalDate[] {
  const cache = new Map<number, LocalDate[]>();
  const datesOf = (index: number): LocalDate[] => {
    let dates = cache.get(index);
    if (!dates) {
      const s = sentences[index];
      // "The deaths came a day after ...": dated from the sentence before, so that one is read too
      // (the days events happened there, not the days statements were made)
      const previous =
        s && index > 0 && pointsBack(s.text)
          ? datesOf(index - 1)
              .filter((d) => !d.statement)
              .map((d) => d.mention)
          : undefined;
      dates =
        s && (DATE_WORD.test(s.text) || previous)
          ? localDates(s.text, findDateMentions(s, publishedAt, previous), (o) => s.toOriginal(o))
          : [];
      cache.set(index, dates);
    }
    return dates;
  };
  return datesOf;
}
