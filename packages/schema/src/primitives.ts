import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`, with no time zone: reports name days, not instants. */
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * How finely a date is known. `unknown` means the text gives no usable date.
 *
 * `reported` (an event's date only): the text gives the event no date of its own, so it is dated
 * by its report, as ACLED codes such events by the report's date with a lower time precision.
 * `start` and `end` are both the day it was reported (the article's publication day, from
 * metadata or a dateline, or the day a source is said to have reported it); the event happened
 * on or before that day, which is all that is known. It is never a certain day: read it as
 * "reported on", and never count it as that day's news without saying so.
 */
export const DatePrecision = z.enum(['day', 'week', 'month', 'year', 'unknown', 'reported']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * A half-open range of UTF-16 code-unit offsets `[start, end)` into the ORIGINAL text of an
 * article (before any cleaning), so a reader can always find the words a record came from.
 */
export const Span = z
  .object({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'span end must not be before its start', path: ['end'] });
export type Span = z.infer<typeof Span>;

/** Where a fact came from: the article, the sentence, and the exact characters. */
export const Evidence = z.object({
  articleId: z.string().min(1),
  /** Which field of the record this evidence supports, e.g. `casualties.killed`, `occurred`. */
  field: z.string().min(1).optional(),
  sentence: z.string().min(1),
  span: Span,
});
export type Evidence = z.infer<typeof Evidence>;

/** A confidence between 0 (a guess) and 1 (stated outright). */
export const Confidence = z.number().min(0).max(1);

/**
 * A reference to a known entity (actor, place, outlet) as it appeared in the text. `id` is
 * null when the name is not in Sitrep's curated lists: the raw text is kept rather than guessed.
 */
export const EntityRef = z.object({
  id: z.string().min(1).nullable(),
  name: z.string().min(1),
});
export type EntityRef = z.infer<typeof EntityRef>;
