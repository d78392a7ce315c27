import { vagueWordFor } from '@sitrep/schema/quantity';
/**
 * Casualty figures worded the way analysts read them: the number with its hedge, who was
 * counted, and the chain of attribution ("46 civilians killed, 230 injured — White Helmets,
 * via Reuters"). A figure is never rounded, summed across reports or stripped of its hedge.
 */
import type { CasualtyReport, ReportedFigure } from './day-data.ts';
import type { FigureLine } from './issue-model.ts';

const HEDGE: Record<ReportedFigure['qualifier'], string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  about: 'about ',
  nearly: 'nearly ',
  up_to: 'up to ',
  less_than: 'fewer than ',
  vague: '',
};

/** Groups worded as a reader says them; `people` and `things` add nothing to "13 killed". */
const GROUP: Partial<Record<ReportedFigure['group'], string>> = {
  civilians: 'civilians',
  children: 'children',
  women: 'women',
  men: 'men',
  fighters: 'fighters',
  rebels: 'rebels',
  soldiers: 'soldiers',
  troops: 'troops',
  militants: 'militants',
  medical_staff: 'medical staff',
  journalists: 'journalists',
  aid_workers: 'aid workers',
  staff: 'staff',
};

const number = new Intl.NumberFormat('en-GB');

/** "at least 13", "dozens" for a vague word (never its range, which no report gave), "46". */
export function wordNumber(f: ReportedFigure): string {
  if (f.qualifier === 'vague') {
    const word = vagueWordFor(f.low, f.high);
    if (word) return word;
    if (f.low !== null && f.high !== null) return `${number.format(f.low)}–${number.format(f.high)}`;
    return `${number.format(f.best)} or more`;
  }
  if (f.low !== null && f.high !== null && f.low !== f.high)
    return `${HEDGE[f.qualifier]}${number.format(f.low)}–${number.format(f.high)}`;
  return `${HEDGE[f.qualifier]}${number.format(f.best)}`;
}

function wordFigure(f: ReportedFigure, verb: string, withGroup: boolean): string {
  const group = withGroup ? GROUP[f.group] : undefined;
  const people = group ?? (f.best === 1 ? 'person' : 'people');
  // "dozens of people killed": a vague word takes "of" before its noun
  const of = f.qualifier === 'vague' && vagueWordFor(f.low, f.high) ? ' of' : '';
  return `${wordNumber(f)}${of} ${people} ${verb}`;
}

/** "46 civilians killed, 230 injured": the group is said once when both figures count the same people. */
export function wordToll(report: Pick<CasualtyReport, 'killed' | 'injured'>): string | null {
  const { killed, injured } = report;
  if (killed && injured) {
    const sameGroup = killed.group === injured.group;
    return `${wordFigure(killed, 'killed', true)}, ${sameGroup ? `${wordNumber(injured)} injured` : wordFigure(injured, 'injured', true)}`;
  }
  if (killed) return wordFigure(killed, 'killed', true);
  if (injured) return wordFigure(injured, 'injured', true);
  return null;
}

/** "White Helmets, via Reuters"; "Reuters" alone; "unattributed" when nobody is named. */
export function wordAttribution(reportedBy: readonly string[]): string {
  const chain = reportedBy.filter((name, i) => name && reportedBy.indexOf(name) === i);
  if (chain.length === 0) return 'unattributed';
  return chain.join(', via ');
}

/**
 * One line per toll as worded; reports giving the same toll share it ("— Reuters; AFP").
 * `firstKilled` (the canonical event's best figure: what most independent sources give) puts
 * the reports of that figure first, so the line a subject and a lead quote is the best-sourced.
 */
export function figureLines(
  reports: readonly CasualtyReport[],
  firstKilled: number | null = null,
): FigureLine[] {
  const lines: FigureLine[] = [];
  const first = (r: CasualtyReport) => (firstKilled !== null && r.killed?.best === firstKilled ? 0 : 1);
  for (const report of [...reports].sort((a, b) => first(a) - first(b))) {
    const text = wordToll(report);
    if (!text) continue;
    const attribution = wordAttribution(report.reportedBy);
    const same = lines.find((l) => l.text === text);
    if (!same) lines.push({ text, attribution });
    else if (!same.attribution.split('; ').includes(attribution)) same.attribution += `; ${attribution}`;
  }
  return lines;
}

/** "Reported deaths range from 13 to 46 across 3 reports", only when the reports disagree. */
export function deathRange(reports: readonly CasualtyReport[]): string | null {
  // a vague word ("dozens") widens nothing when some report gives a number
  const all = reports.flatMap((r) => (r.killed ? [r.killed] : []));
  const numbers = all.filter((k) => k.qualifier !== 'vague');
  const killed = numbers.length ? numbers : all;
  if (killed.length < 2) return null;
  const lows = killed.map((k) => k.low ?? k.best);
  const highs = killed.map((k) => k.high ?? k.best);
  const low = Math.min(...lows);
  const high = Math.max(...highs);
  if (low === high) return null;
  return `Reported deaths range from ${number.format(low)} to ${number.format(high)} across ${killed.length} reports`;
}

/**
 * The highest best figure among the reports: what the chart, the top box and the ranking use.
 * A vague word ("thousands", "dozens") is printed as reported but counts as no number here: it
 * is no count, and "thousands killed" in one line of a report is far more often the war's toll
 * than one attack's (as the canonical figure rule counts vague words only when no number exists).
 */
export function maxBest(reports: readonly CasualtyReport[], measure: 'killed' | 'injured'): number {
  return Math.max(
    0,
    ...reports.map((r) => (r[measure]?.qualifier === 'vague' ? 0 : (r[measure]?.best ?? 0))),
  );
}

/** Whether any report gives a number (not only a vague word) for `measure`. */
export const counted = (reports: readonly CasualtyReport[], measure: 'killed' | 'injured') =>
  reports.some((r) => r[measure] && r[measure].qualifier !== 'vague');
