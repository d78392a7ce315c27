import type { FigureRange, FigureReport } from '@sitrep/schema/canonical-event';
import { figureStanding } from '@sitrep/schema/incident-figures';
import type { EventMention } from './event-mention.ts';
import { type MentionSources, originalSourceOf, type SourceName } from './source-names.ts';

export type CasualtyMeasure = 'killed' | 'injured' | 'missing';

/** Two figures further apart than this share of the lower one disagree (30 vs 38 does; 30 vs 36 does not). */
export const FIGURE_TOLERANCE = 0.25;
/** ...and by at least this many people: 2 against 3 is noise, not a dispute. */
export const FIGURE_MIN_GAP = 3;

export const FIGURE_RULE =
  'totals over a period or a war are left out, and figures no report places or dates unless one that is does; ' +
  'low = lowest credible figure (conservative, as ACLED); best = figure given by the most independent ' +
  'sources, ties to the lower; high = highest credible figure; a count of one group among the dead ' +
  '("27 children") counts only when no report counts everyone; vague words ("dozens") count only when no ' +
  `report gives a number; disputed when two figures differ by more than ${FIGURE_TOLERANCE * 100}% ` +
  `and ${FIGURE_MIN_GAP}, unless the higher one was published later (a rising toll)`;

/** Who gave the figure: the speaker of the claim that carries it, else the outlet. */
function reporter(m: EventMention, measure: CasualtyMeasure, original: SourceName | null): string {
  for (const claim of m.claims) {
    if (!claim.speaker || !claim.quantities.some((q) => q.measure === measure)) continue;
    const s = claim.speaker;
    return (s.affiliation ?? s.actor)?.name ?? s.text;
  }
  return m.outlet?.name ?? original?.name ?? `article ${m.articleId}`;
}

/**
 * Groups a toll may count as part of an incident's dead ("27 children", "20 women"): their count
 * is part of the toll of "people" or "civilians", never a competing figure of it.
 */
export const PART_GROUPS: ReadonlySet<string> = new Set([
  'children',
  'women',
  'men',
  'medical_staff',
  'journalists',
  'aid_workers',
]);

function disagree(a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return hi - lo >= FIGURE_MIN_GAP && hi - lo > lo * FIGURE_TOLERANCE;
}

function risingToll(a: FigureReport, b: FigureReport): boolean {
  if (a.publishedAt === null || b.publishedAt === null || a.publishedAt === b.publishedAt) return false;
  const [earlier, later] = a.publishedAt < b.publishedAt ? [a, b] : [b, a];
  return later.value > earlier.value;
}

/**
 * The range of one casualty measure across the mentions, or null when no mention gives it.
 * `sources`, when given, holds `mentionSources` of each mention (same order), so a summary that
 * has read them already does not read them again for every measure.
 */
export function figureRange(
  mentions: readonly EventMention[],
  measure: CasualtyMeasure,
  sources?: readonly MentionSources[],
): FigureRange | null {
  // A figure no report places or dates by its own words ("the conflict has left 320,000 dead")
  // counts only beside one that is placed or dated: alone it is no incident's toll.
  const anchored = mentions.some((m) => figureStanding(m, m.claims, measure) === 'incident');
  // most events give no injured or missing figure: nothing to build for them
  if (!mentions.some((m) => m.casualties[measure])) return null;
  const reports: FigureReport[] = [];
  const sourceOf = new Map<FigureReport, string>();
  // "27 children" beside "80 people": the children are among the 80, not a lower count of them
  const partOf = new Set<FigureReport>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as EventMention;
    const figure = m.casualties[measure];
    // a total over a period or a war is not a figure of this event (`@sitrep/schema/incident-figures`)
    if (!figure) continue;
    const standing = figureStanding(m, m.claims, measure);
    if (standing === 'total' || (standing === 'unplaced_undated' && !anchored)) continue;
    const original = sources ? (sources[i] as MentionSources).original : originalSourceOf(m);
    const report: FigureReport = {
      value: figure.best,
      qualifier: figure.qualifier,
      reportedBy: reporter(m, measure, original),
      articleId: m.articleId,
      eventId: m.id,
      publishedAt: m.publishedAt.precision === 'day' ? m.publishedAt.date : null,
    };
    reports.push(report);
    sourceOf.set(report, original?.key ?? report.reportedBy);
    if (PART_GROUPS.has(figure.group)) partOf.add(report);
  }
  if (reports.length === 0) return null;
  reports.sort((a, b) => a.value - b.value || (a.eventId < b.eventId ? -1 : 1));
  const wholes = reports.filter((r) => !partOf.has(r));
  const counted = wholes.length > 0 ? wholes : reports;
  const exact = counted.filter((r) => r.qualifier !== 'vague');
  const credible = exact.length > 0 ? exact : counted;
  const values = credible.map((r) => r.value);
  let best = values[0] as number;
  // one credible report is its own best; only several need their sources counted
  if (credible.length > 1) {
    const support = new Map<number, Set<string>>();
    for (const r of credible) {
      const set = support.get(r.value) ?? new Set<string>();
      set.add(sourceOf.get(r) as string);
      support.set(r.value, set);
    }
    for (const [value, sources] of support)
      if (
        sources.size > (support.get(best) as Set<string>).size ||
        (sources.size === (support.get(best) as Set<string>).size && value < best)
      )
        best = value;
  }
  let disputed = false;
  for (let i = 0; i < credible.length && !disputed; i++)
    for (let j = i + 1; j < credible.length && !disputed; j++) {
      const a = credible[i] as FigureReport;
      const b = credible[j] as FigureReport;
      if (disagree(a.value, b.value) && !risingToll(a, b)) disputed = true;
    }
  return {
    low: Math.min(...values),
    best,
    high: Math.max(...credible.map((r) => r.value)),
    rule: FIGURE_RULE,
    disputed,
    competing: disputed ? credible : [],
    reports,
  };
}
