import type { Claim } from './claim.ts';
import type { CasualtyFigure, Event } from './event.ts';

/**
 * Whether a casualty figure can be counted as one incident's toll. This is the one definition
 * every consumer uses (canonical figure ranges, severity rankings, daily sums, the digest), so a
 * month's toll or a war's total never leads a day's record as if it were one attack.
 *
 * - `incident`: one incident's toll, to rank and sum.
 * - `total`: a total over a period or a whole war ("the deadliest month", "since 2011", "so far"):
 *   the figure comes from a quantity extraction marks `cumulative`, or the event it is given for
 *   covers more than a week (a month, a year, "the past ten days") — a toll over such a span
 *   counts a period, not an incident. Keep it as a total with its period, never as a toll.
 * - `unplaced_undated`: the text neither places the event (no place finer than a country) nor
 *   dates it by its own words (it is dated only by its report): "the conflict has left more than
 *   320,000 dead" has that shape, and so does a real toll too vague to be counted as one
 *   incident's. Kept as reported; not ranked or summed as an incident's toll.
 */
export type FigureStanding = 'incident' | 'total' | 'unplaced_undated';

/**
 * Longest span, in days, an event can cover and its figure still be one incident's toll: a
 * week, counted as reports write it ("the past week" runs from that weekday a week ago to the
 * day of the report, 8 days).
 */
export const INCIDENT_MAX_DAYS = 8;

type Measure = 'killed' | 'injured' | 'missing';
type EventLike = Pick<Event, 'occurred' | 'location' | 'evidence' | 'casualties'>;

const DAY_MS = 86_400_000;
const COARSE_PLACES = new Set(['country', 'region', 'unknown']);

/** Days an event's own dates cover; null when it has none. */
export function spanDays(occurred: Event['occurred']): number | null {
  if (occurred.start === null || occurred.end === null) return null;
  return Math.round((Date.parse(occurred.end) - Date.parse(occurred.start)) / DAY_MS) + 1;
}

/** An event dated over more than a week, or only to a month or a year. */
export function coversPeriod(occurred: Event['occurred']): boolean {
  if (occurred.precision === 'month' || occurred.precision === 'year') return true;
  const days = spanDays(occurred);
  return days !== null && days > INCIDENT_MAX_DAYS;
}

function fromCumulative(
  event: EventLike,
  claims: readonly Claim[],
  measure: Measure,
  figure: CasualtyFigure,
) {
  const spans = event.evidence.filter((e) => e.field === `casualties.${measure}`).map((e) => e.span);
  return claims.some((c) =>
    c.quantities.some(
      (q) =>
        q.cumulative &&
        q.measure === measure &&
        (q.value.best === figure.best || spans.some((s) => s.start === q.span.start && s.end === q.span.end)),
    ),
  );
}

/**
 * The standing of an event's figure for `measure` (null when it gives none). `claims` are the
 * claims the event rests on (its `claimIds`); their quantities say which numbers are cumulative.
 */
export function figureStanding(
  event: EventLike,
  claims: readonly Claim[],
  measure: Measure,
): FigureStanding | null {
  const figure = event.casualties[measure];
  if (!figure) return null;
  if (coversPeriod(event.occurred) || fromCumulative(event, claims, measure, figure)) return 'total';
  const placed = event.location !== null && !COARSE_PLACES.has(event.location.precision);
  const dated = event.occurred.start !== null && event.occurred.precision !== 'reported';
  return placed || dated ? 'incident' : 'unplaced_undated';
}

/** The figure when it counts as one incident's toll, else null. */
export function incidentFigure(
  event: EventLike,
  claims: readonly Claim[],
  measure: Measure,
): CasualtyFigure | null {
  return figureStanding(event, claims, measure) === 'incident' ? event.casualties[measure] : null;
}
