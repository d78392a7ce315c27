/**
 * What clustering adds beside a story's figures: how many outlets and independent sources
 * stand behind it, and, when the reports disagree beyond the tolerance, each competing figure
 * with who gave it — side by side, never resolved.
 */
import type { CanonicalSummary, FigureDispute } from './day-data.ts';

const number = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

/** "2 outlets, 1 independent source" (a wire story carried by two sites is one source). */
export function wordCorroboration(c: CanonicalSummary | null): string | null {
  if (!c) return null;
  return `${plural(c.outlets, 'outlet', 'outlets')}, ${plural(c.independentSources, 'independent source', 'independent sources')}`;
}

const MEASURE: Record<FigureDispute['measure'], string> = { killed: 'Deaths', injured: 'Injuries' };

/** "Deaths disputed: 12 (Syrian Observatory for Human Rights) against 25 (the local council)". */
export function wordDispute(d: FigureDispute): string {
  const sides = d.competing.map((c) => `${number.format(c.value)} (${c.reportedBy.join(', ')})`);
  return `${MEASURE[d.measure]} disputed: ${sides.join(' against ')}`;
}
