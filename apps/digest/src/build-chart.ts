/** The seven-day chart of reported deaths, with injured and displaced beside them, as numbers the table lays out. */
import { weekdayDayLabel } from './date-labels.ts';
import type { DayTally } from './day-data.ts';
import type { ChartBar } from './issue-model.ts';

const number = new Intl.NumberFormat('en-GB');
/** A dash for a day nothing was reported (the caption says so): "no report" does not fit a narrow column. */
const label = (n: number | null) => (n === null ? '–' : number.format(n));

export function buildChart(days: readonly DayTally[], issueDate: string): ChartBar[] {
  const max = Math.max(1, ...days.map((d) => d.killed ?? 0));
  return days.map((d) => {
    // A bar narrower than 2 % disappears in some clients, so a reported non-zero day gets at least that.
    const width = d.killed ? Math.max(2, Math.round((d.killed / max) * 100)) : 0;
    return {
      label: weekdayDayLabel(d.date),
      date: d.date,
      valueLabel: d.killed === null ? 'no report' : number.format(d.killed),
      injuredLabel: label(d.injured),
      displacedLabel: label(d.displaced),
      killed: d.killed,
      widthPct: width,
      restPct: 100 - width,
      isIssueDay: d.date === issueDate,
    };
  });
}

export function chartTotal(days: readonly DayTally[]): string {
  const reported = days.filter((d) => d.killed !== null);
  const sum = reported.reduce((n, d) => n + (d.killed ?? 0), 0);
  if (reported.length === 0) return `No deaths reported in these ${days.length} days`;
  return `${number.format(sum)} deaths reported on ${reported.length} of ${days.length} days`;
}
