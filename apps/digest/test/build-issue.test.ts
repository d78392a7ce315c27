import { describe, expect, it } from 'vitest';
import { isEmptyIssue } from '../src/build-issue.ts';
import { SEED_DAY_2016_10_13 } from '../src/fixtures/seed-day-2016-10-13.ts';
import { issueOf } from './seed-issue.ts';

describe('the issue of 9 December 2016', () => {
  const issue = issueOf();

  it('leads with the deadliest event and its figures as reported, with who reported them', () => {
    const lead = issue.stories[0]!;
    expect(lead.headlineFigure).toBe('46 civilians killed, 230 injured in East Aleppo');
    expect(lead.figures).toEqual([
      { text: '46 civilians killed, 230 injured', attribution: 'White Helmets, via Reuters' },
    ]);
    expect(lead.dateLabel).toBe('Thu 8 Dec');
  });

  it('ranks stories by severity, then corroboration', () => {
    expect(issue.stories.map((s) => s.kindLabel)).toEqual([
      'Air strike',
      'Chemical attack',
      'Armed clash',
      'People missing or forcibly disappeared',
      'Displacement',
    ]);
  });

  it('keeps diplomacy apart, with the vote counted', () => {
    const vote = issue.diplomacy.find((d) => d.status === 'vote')!;
    expect(vote.voteLine).toBe('122 in favour, 13 against');
    expect(issue.diplomacy.map((d) => d.statusLabel)).toEqual([
      'UN vote',
      'Talks held',
      'Veto',
      'Talks scheduled',
    ]);
    expect(issue.stories.some((s) => s.kindLabel === 'UN vote')).toBe(false);
  });

  it("puts the Geneva talks under what's next with their date", () => {
    expect(issue.next).toHaveLength(1);
    expect(issue.next[0]).toMatchObject({ whenLabel: 'Sat 10 Dec', placeLabel: 'Geneva' });
  });

  it('numbers sources in the order the issue cites them and cites each once', () => {
    expect(issue.sources.map((s) => s.n)).toEqual([1, 2, 3]);
    expect(issue.stories[0]!.sourceRefs).toEqual([1, 2]);
    expect(issue.sources[0]).toMatchObject({
      outlet: 'Outlet not stated',
      headline: 'Syrian government resumes fighting in Aleppo after brief humanitarian pause',
      href: null,
    });
  });

  it('charts seven days of reported deaths, ending on the issue day', () => {
    expect(issue.chart.bars.map((b) => b.valueLabel)).toEqual([
      'no report',
      'no report',
      'no report',
      'no report',
      'no report',
      '46',
      'no report',
    ]);
    expect(issue.chart.bars.at(-1)!.isIssueDay).toBe(true);
    expect(issue.chart.bars[5]!.widthPct).toBe(100);
  });
});

describe('the issue of 13 October 2016', () => {
  const issue = issueOf(SEED_DAY_2016_10_13);

  it('shows both reports of the 13 killed side by side, with their hedges', () => {
    expect(issue.stories[0]!.figures).toEqual([
      { text: '13 people killed', attribution: 'Ibrahim Abu al-Laith, civil defence, via Reuters' },
      { text: 'at least 13 people killed, more than 25 injured', attribution: 'White Helmets' },
    ]);
    expect(issue.stories[0]!.corroboration).toBe('2 reports');
  });

  it('announces the Lausanne talks for 15 October', () => {
    expect(issue.next[0]).toMatchObject({ whenLabel: 'Sat 15 Oct', placeLabel: 'Lausanne' });
  });
});

it('finds nothing new on a day without events', () => {
  const empty = issueOf({
    date: '2016-12-01',
    events: [],
    upcoming: [],
    quotes: [],
    tallies: [],
    leftOut: { undated: 0, periods: 0, older: 0 },
    articles: [],
  });
  expect(isEmptyIssue(empty)).toBe(true);
});
