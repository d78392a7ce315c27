/** The seven-day bar chart of reported deaths, as numbers the table template lays out. */
import { weekdayDayLabel } from './date-labels.ts';
import type { DayDeaths } from './day-data.ts';
import type { ChartBar } from './issue-model.ts';

const number = new Intl.NumberFormat('en-GB');

export function buildChart(days: readonly DayDeaths[], issueDate: string): ChartBar[] {
  const max = Math.max(1, ...days.map((d) => d.killed ?? 0));
  return days.map((d) => {
    // A bar narrower than 2 % disappears in some clients, so a reported non-zero day gets at least that.
    const width = d.killed ? Math.max(2, Math.round((d.killed / max) * 100)) : 0;
    return {
      label: weekdayDayLabel(d.date),
      date: d.date,
      valueLabel: d.killed === null ? 'no report' : number.format(d.killed),
      killed: d.killed,
      widthPct: width,
      restPct: 100 - width,
      isIssueDay: d.date === issueDate,
    };
  });
}

export function chartTotal(days: readonly DayDeaths[]): string {
  const reported = days.filter((d) => d.killed !== null);
  const sum = reported.reduce((n, d) => n + (d.killed ?? 0), 0);
  if (reported.length === 0) return `No deaths reported in these ${days.length} days`;
  return `${number.format(sum)} deaths reported on ${reported.length} of ${days.length} days`;
}
