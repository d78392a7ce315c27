import { z } from 'zod';
import { DatePrecision, IsoDate, Span } from './primitives.ts';

/**
 * What a number counts. Casualty measures (killed, injured) are kept apart from everything
 * else a war report counts, so "8,000 fled" or "20 airstrikes" can never be read as deaths.
 */
export const Measure = z.enum([
  'killed',
  'injured',
  /** killed and injured together, when the text says "casualties" without splitting them */
  'casualties',
  /** deaths the text puts down to cold, hunger, disease or an accident: never an attack's toll */
  'deaths_non_violent',
  'missing',
  'detained',
  'displaced',
  'fled',
  'evacuated',
  'trapped',
  'besieged',
  'awaiting_evacuation',
  'critical',
  'in_need',
  /** counts of things that happened: strikes, barrels, shells, resolutions vetoed */
  'strikes',
  'munitions',
  'vetoes',
  'votes_for',
  'votes_against',
  'abstentions',
  'members',
  'percent_territory',
  'other',
]);
export type Measure = z.infer<typeof Measure>;

/** Who (or what) is counted. */
export const PersonGroup = z.enum([
  'people',
  'civilians',
  'children',
  'women',
  'men',
  'fighters',
  'rebels',
  'soldiers',
  'troops',
  'militants',
  'medical_staff',
  'journalists',
  'aid_workers',
  'staff',
  'families',
  /** non-person units: strikes, resolutions, percent of a city */
  'things',
]);
export type PersonGroup = z.infer<typeof PersonGroup>;

/**
 * How the text hedges the number. `vague` is a word such as "dozens" or "hundreds": `best`
 * then holds the smallest value the word allows and `low`/`high` the range it implies.
 */
export const Qualifier = z.enum([
  'exact',
  'at_least',
  'more_than',
  'about',
  'nearly',
  'up_to',
  'less_than',
  'vague',
]);
export type Qualifier = z.infer<typeof Qualifier>;

/**
 * The vague words a `vague` quantity stands for, with the value kept as `best` and the range
 * `low`–`high` each implies. Extraction reads them; a reader is shown the word, never the range
 * as if a report had given it.
 */
export const VAGUE_WORDS: Readonly<Record<string, { best: number; low: number; high: number }>> = {
  dozens: { best: 24, low: 24, high: 99 },
  scores: { best: 40, low: 40, high: 199 },
  hundreds: { best: 200, low: 200, high: 999 },
  thousands: { best: 2000, low: 2000, high: 9999 },
  'tens of thousands': { best: 20_000, low: 20_000, high: 99_999 },
  'hundreds of thousands': { best: 200_000, low: 200_000, high: 999_999 },
};

/** The vague word whose range is exactly low–high ("dozens" for 24–99), or null. */
export function vagueWordFor(low: number | null, high: number | null): string | null {
  for (const [word, range] of Object.entries(VAGUE_WORDS))
    if (range.low === low && range.high === high) return word;
  return null;
}

const figureShape = {
  best: z.number().nonnegative(),
  low: z.number().nonnegative().nullable().default(null),
  high: z.number().nonnegative().nullable().default(null),
};

/** `low <= best <= high`, shared by every object that carries a figure's fields. */
export function checkFigureRange(ctx: {
  value: { best: number; low: number | null; high: number | null };
  issues: z.core.$ZodRawIssue[];
}): void {
  const { best, low, high } = ctx.value;
  if (low !== null && low > best)
    ctx.issues.push({ code: 'custom', message: 'low must not exceed best', path: ['low'], input: low });
  if (high !== null && high < best)
    ctx.issues.push({
      code: 'custom',
      message: 'high must not be below best',
      path: ['high'],
      input: high,
    });
}

/** A reported figure as a range: `low <= best <= high`, all whole and non-negative. */
export const Figure = z.object(figureShape).check(checkFigureRange);
/** The fields of a Figure, for object schemas that add to them (one object, not an intersection). */
export const FigureFields = figureShape;
export type Figure = z.infer<typeof Figure>;

/**
 * The period a total covers, as the text words it ("so far this year", "since 2015", "across the
 * country on Tuesday"), with its dates where they resolve against the publication date.
 */
export const Period = z.object({
  text: z.string().min(1),
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  precision: DatePrecision.nullable().default(null),
});
export type Period = z.infer<typeof Period>;

/**
 * One number in the text, typed by what it counts. `partOf` links a subgroup to its total
 * within the same sentence ("Four children were among eight people killed": the children
 * quantity has `partOf` = index of the eight), so totals are never summed twice.
 */
export const Quantity = z.object({
  measure: Measure,
  group: PersonGroup,
  value: Figure,
  qualifier: Qualifier,
  /** the words the number was read from, e.g. "at least 84 civilians" */
  text: z.string().min(1),
  span: Span,
  /** index, in the same claim's `quantities`, of the total this is a subgroup of */
  partOf: z.int().nonnegative().nullable().default(null),
  /** a running total for the whole war or a long period, not one day's event */
  cumulative: z.boolean().default(false),
  /** what a total covers (a war, a period, several incidents); null for one incident's figure */
  // optional as well as nullable: quantities made before it (and code that builds them) stay valid
  period: Period.nullable().optional(),
});
export type Quantity = z.infer<typeof Quantity>;
