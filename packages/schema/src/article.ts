import { z } from 'zod';
import { Confidence, IsoDate, Span } from './primitives.ts';

/** Where an article's publication date came from, most trusted first. */
export const DateBasis = z.enum(['metadata', 'dateline', 'caption', 'weekday', 'body', 'cluster', 'unknown']);
export type DateBasis = z.infer<typeof DateBasis>;

/**
 * The publication date with its provenance. A null `date` always carries a `reason`
 * ("no date in the text"): Sitrep never presents a guess as a fact.
 */
export const PublishedAt = z
  .object({
    date: IsoDate.nullable(),
    precision: z.enum(['day', 'month', 'year', 'unknown']),
    basis: DateBasis,
    confidence: Confidence,
    /** why the date is null or uncertain, in words a person can check */
    reason: z.string().min(1).nullable().default(null),
    /** the words the date was read from, when it came from the text */
    evidence: z
      .object({ text: z.string().min(1), span: Span })
      .nullable()
      .default(null),
  })
  .superRefine((p, ctx) => {
    if (p.date === null && !p.reason)
      ctx.addIssue({ code: 'custom', message: 'a null date needs a reason', path: ['reason'] });
    if (p.date === null && p.precision !== 'unknown')
      ctx.addIssue({ code: 'custom', message: 'a null date has precision "unknown"', path: ['precision'] });
    if (p.date !== null && p.basis === 'unknown')
      ctx.addIssue({ code: 'custom', message: 'a date needs a basis other than "unknown"', path: ['basis'] });
  });
export type PublishedAt = z.infer<typeof PublishedAt>;

export const CreditRole = z.enum(['photo', 'reporting', 'writing', 'video', 'source', 'agencies']);
export type CreditRole = z.infer<typeof CreditRole>;

/** An agency or person credited for part of the article: "REUTERS/Omar Sanadiki" is a photo credit. */
export const Credit = z.object({
  agency: z.string().min(1),
  person: z.string().min(1).nullable().default(null),
  role: CreditRole,
  span: Span,
});
export type Credit = z.infer<typeof Credit>;

/** A photo caption. Its date is evidence about the photo (often an archive shot), not the article. */
export const Caption = z.object({
  text: z.string().min(1),
  credit: z.string().min(1).nullable(),
  date: IsoDate.nullable(),
  span: Span,
});
export type Caption = z.infer<typeof Caption>;

export const Paragraph = z.object({ text: z.string().min(1), span: Span });
export type Paragraph = z.infer<typeof Paragraph>;

/** Where the article came from: a corpus file, a CSV/JSONL row, or the API. */
export const Origin = z.object({
  path: z.string().min(1).optional(),
  externalId: z.string().min(1).optional(),
  /** 1-based line (JSONL) or record start line (CSV) */
  line: z.int().positive().optional(),
});
export type Origin = z.infer<typeof Origin>;

/** Hints given alongside the text by its source (CSV columns, front matter), kept apart from what the text says. */
export const SourceHints = z.object({
  publishedAt: z.string().min(1).nullable().default(null),
  location: z.string().min(1).nullable().default(null),
  label: z.string().min(1).nullable().default(null),
});

export const Article = z.object({
  /** `art_` + 16 hex digits of the content hash: the same text always has the same id */
  id: z.string().regex(/^art_[0-9a-f]{16}$/),
  headline: z.string().min(1),
  /** a section label printed above the headline ("Syria"), not the headline itself */
  kicker: z.string().min(1).nullable(),
  standfirst: z.string().min(1).nullable(),
  byline: z.string().min(1).nullable(),
  /** the dateline as printed ("Wed 05 Apr 2017", "BEIRUT (Reuters) -") */
  dateline: z.string().min(1).nullable(),
  /** the outlet's id when known, else its name as given, else null */
  outlet: z.object({ id: z.string().min(1).nullable(), name: z.string().min(1) }).nullable(),
  url: z.url().nullable().default(null),
  credits: z.array(Credit),
  publishedAt: PublishedAt,
  captions: z.array(Caption),
  paragraphs: z.array(Paragraph),
  /** BCP 47 language tag */
  language: z.string().min(2),
  wordCount: z.int().nonnegative(),
  /** SHA-256 (hex) of the original text: ingest is idempotent by this */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  origin: Origin,
  hints: SourceHints.default({ publishedAt: null, location: null, label: null }),
  /**
   * The extractor version (@sitrep/extract's EXTRACTOR_VERSION) that made this record; null when
   * not known (records made before versions were kept). Ingest re-extracts an article stored by
   * an older version when its text comes again.
   */
  extractorVersion: z.int().positive().nullable().default(null),
});
export type Article = z.infer<typeof Article>;
