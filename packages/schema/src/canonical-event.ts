import { z } from 'zod';
import { EventKind, EventLocation } from './event.ts';
import { Confidence, DatePrecision, IsoDate } from './primitives.ts';
import { Qualifier } from './quantity.ts';

/**
 * A canonical event: one real-world event with every per-article mention behind it
 * (cross-article clustering, @sitrep/cluster). Mentions stay traceable to their article and
 * evidence; this record only adds what no single article can say — how many independent
 * sources confirm the event and where they disagree.
 */

/** The kind families of `taxonomy/event-kinds.ts`; a cluster never mixes families. */
export const EventFamily = z.enum(['violence', 'humanitarian', 'diplomacy']);

/** One article's report of the event. */
export const CanonicalMention = z.object({
  /** the per-article Event id (`evt_…`) */
  eventId: z.string().min(1),
  articleId: z.string().min(1),
  /** the publishing outlet's id, else its name; null when the article names none */
  outlet: z.string().min(1).nullable(),
  /** who first said it: the speaker of the event's claims, else the wire credited, else the outlet */
  originalSource: z.string().min(1).nullable(),
  kind: EventKind,
});
export type CanonicalMention = z.infer<typeof CanonicalMention>;

/**
 * How a source stands behind the event: `outlet` published a report, `agency` is a wire whose
 * copy was republished or relayed ("told Reuters"), `primary` is the original speaker
 * (the Observatory, the White Helmets, a ministry, a witness).
 */
export const SourceRole = z.enum(['outlet', 'agency', 'primary']);
export const CorroborationSource = z.object({ name: z.string().min(1), role: SourceRole });

export const Corroboration = z.object({
  /** distinct publishing outlets */
  outlets: z.int().nonnegative(),
  /** distinct original sources: a wire story republished thrice, or one monitor quoted four times, counts once */
  independentSources: z.int().nonnegative(),
  sources: z.array(CorroborationSource),
});
export type Corroboration = z.infer<typeof Corroboration>;

/** One report of a figure and who gave it. */
export const FigureReport = z.object({
  value: z.number().nonnegative(),
  qualifier: Qualifier,
  reportedBy: z.string().min(1),
  articleId: z.string().min(1),
  eventId: z.string().min(1),
  publishedAt: IsoDate.nullable(),
});
export type FigureReport = z.infer<typeof FigureReport>;

/**
 * A casualty measure across reports. The rule (also in `rule`, and in packages/cluster's README):
 * low = the lowest credible figure (ACLED's conservative count; "dozens"-style vague words only
 * count when nothing exact exists), best = the figure given by the most independent sources
 * (ties go to the lower figure), high = the highest credible figure. `disputed` when two
 * figures differ beyond the tolerance and the higher one is not simply a later, rising toll.
 */
export const FigureRange = z.object({
  low: z.number().nonnegative(),
  best: z.number().nonnegative(),
  high: z.number().nonnegative(),
  rule: z.string().min(1),
  disputed: z.boolean(),
  /** every report, side by side, when disputed; empty otherwise */
  competing: z.array(FigureReport),
  /** every report behind the range */
  reports: z.array(FigureReport),
});
export type FigureRange = z.infer<typeof FigureRange>;

/** A statement in a contradiction, with its speaker and stance. */
export const ContradictionSide = z.object({
  claimId: z.string().min(1),
  articleId: z.string().min(1),
  speaker: z.string().min(1).nullable(),
  stance: z.enum(['assert', 'deny']),
  text: z.string().min(1),
});

/** Claims about the same event that cannot both be true, kept side by side, never resolved. */
export const Contradiction = z.object({
  denials: z.array(ContradictionSide).min(1),
  assertions: z.array(ContradictionSide).min(1),
});
export type Contradiction = z.infer<typeof Contradiction>;

export const CanonicalEvent = z.object({
  /** `cev_` + 16 hex digits of the hash of the sorted member event ids: same members, same id */
  id: z.string().regex(/^cev_[0-9a-f]{16}$/),
  /** the kind most mentions report (ties: taxonomy order) */
  kind: EventKind,
  family: EventFamily,
  /**
   * the days every mention dated by its own words agrees on (their intersection), else the dates
   * most of them give; `reported` (the first day a member reported it) when none has a date of
   * its own but some are dated by their report
   */
  occurred: z.object({
    start: IsoDate.nullable(),
    end: IsoDate.nullable(),
    precision: DatePrecision,
  }),
  /** the most precise place the mentions name */
  location: EventLocation.nullable(),
  mentions: z.array(CanonicalMention).min(1),
  corroboration: Corroboration,
  figures: z.object({
    killed: FigureRange.nullable(),
    injured: FigureRange.nullable(),
    missing: FigureRange.nullable(),
  }),
  disputed: z.boolean(),
  contradictions: z.array(Contradiction),
  /** how sure the clustering is that the mentions are one event: 1 for a single mention */
  cohesion: Confidence,
});
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;
