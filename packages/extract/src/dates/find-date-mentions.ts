import type { PublishedAt } from '@sitrep/schema/article';
import type { DatePrecision, IsoDate, Span } from '@sitrep/schema/primitives';
import type { Sentence } from '../prepared-document.ts';

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

/**
 * Every date expression in the sentence, in order of appearance.
 * PLACEHOLDER (foundation): returns nothing until the dates module lands.
 */
export function findDateMentions(_sentence: Sentence, _publishedAt: PublishedAt): DateMention[] {
  return [];
}
