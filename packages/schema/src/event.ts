import { z } from 'zod';
import { GeoPrecision, LocationPrecision } from './place.ts';
import { DatePrecision, EntityRef, Evidence, IsoDate } from './primitives.ts';
import { checkFigureRange, FigureFields, PersonGroup, Qualifier } from './quantity.ts';
import { EVENT_KIND_NAMES } from './taxonomy/event-kinds.ts';

/** One of the kinds in `taxonomy/event-kinds.ts`; anything else is rejected. */
export const EventKind = z.enum(EVENT_KIND_NAMES);
export type EventKind = z.infer<typeof EventKind>;

/** `scheduled` events are announced for the future ("will meet in Geneva on Saturday"). */
export const Tense = z.enum(['past', 'scheduled']);

/** When it happened: a day, a range of days, or a coarser period, always with its precision. */
export const Occurred = z
  .object({
    start: IsoDate.nullable(),
    end: IsoDate.nullable(),
    precision: DatePrecision,
    tense: Tense,
    /** the words the date was read from ("on Tuesday and Wednesday") */
    text: z.string().min(1).nullable().default(null),
    /** why the date is null or coarse */
    reason: z.string().min(1).nullable().default(null),
  })
  .superRefine((o, ctx) => {
    if (o.start && o.end && o.end < o.start)
      ctx.addIssue({ code: 'custom', message: `end ${o.end} is before start ${o.start}`, path: ['end'] });
    if ((o.start === null) !== (o.end === null))
      ctx.addIssue({ code: 'custom', message: 'start and end are both dates or both null', path: ['end'] });
    if (o.start === null && !o.reason)
      ctx.addIssue({ code: 'custom', message: 'an unknown date needs a reason', path: ['reason'] });
    if (o.precision === 'reported' && (o.start === null || o.start !== o.end))
      ctx.addIssue({
        code: 'custom',
        message: 'a "reported" date is one day, the day of the report: start and end are that day',
        path: ['end'],
      });
  });
export type Occurred = z.infer<typeof Occurred>;

export const EventLocation = z.object({
  name: z.string().min(1),
  placeId: z.string().min(1).nullable(),
  precision: LocationPrecision,
  /**
   * ACLED's geo precision: 1 the place itself, 2 near it or a part of a region, 3 only the
   * province (or coarser). Null when nothing is located; optional for records written before it.
   */
  geoPrecision: GeoPrecision.nullable().optional(),
});
export type EventLocation = z.infer<typeof EventLocation>;

export const ParticipantRole = z.enum(['perpetrator', 'target', 'mediator', 'participant', 'speaker']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Participant = z.object({ actor: EntityRef, role: ParticipantRole });
export type Participant = z.infer<typeof Participant>;

/**
 * A casualty figure for one event: the reported range, how it was hedged, who was counted,
 * and the subgroups the text names ("including seven children" → breakdown.children = 7).
 */
export const CasualtyFigure = z
  .object({
    ...FigureFields,
    qualifier: Qualifier,
    group: PersonGroup,
    breakdown: z.partialRecord(PersonGroup, z.number().nonnegative()).default({}),
  })
  // One object rather than Figure.and(...): a zod intersection parses both sides and merges
  // them, which cost ~35 ms per FA-KES pass of extraction.
  .check(checkFigureRange)
  .superRefine((f, ctx) => {
    for (const [group, n] of Object.entries(f.breakdown)) {
      if (n !== undefined && n > (f.high ?? f.best) && f.qualifier !== 'vague')
        ctx.addIssue({
          code: 'custom',
          message: `breakdown ${group} (${n}) exceeds the total`,
          path: ['breakdown', group],
        });
    }
  });
export type CasualtyFigure = z.infer<typeof CasualtyFigure>;

export const Casualties = z.object({
  killed: CasualtyFigure.nullable().default(null),
  injured: CasualtyFigure.nullable().default(null),
  missing: CasualtyFigure.nullable().default(null),
});
export type Casualties = z.infer<typeof Casualties>;

/** Yes / no / abstain counts of a vote, when the text gives them ("voted 122 to 13"). */
export const VoteCount = z.object({
  yes: z.int().nonnegative().nullable(),
  no: z.int().nonnegative().nullable(),
  abstain: z.int().nonnegative().nullable(),
});

/**
 * One event as one article reports it (a mention). Cross-article clustering merges mentions
 * into canonical events; the per-article record stays traceable through `evidence`.
 */
export const Event = z.object({
  id: z.string().regex(/^evt_[0-9a-f]{16}$/),
  articleId: z.string().min(1),
  kind: EventKind,
  /** one sentence a person can read in a digest */
  summary: z.string().min(1),
  occurred: Occurred,
  location: EventLocation.nullable(),
  participants: z.array(Participant).default([]),
  casualties: Casualties.default({ killed: null, injured: null, missing: null }),
  /** a count of the event itself where the text gives one: "at least 20 airstrikes", "vetoed six resolutions" */
  count: z.int().nonnegative().nullable().default(null),
  vote: VoteCount.nullable().default(null),
  /** the claims (by id) whose statements this event rests on */
  claimIds: z.array(z.string().min(1)).default([]),
  /** at least one piece of evidence; one per field where fields come from different sentences */
  evidence: z.array(Evidence).min(1),
});
export type Event = z.infer<typeof Event>;
