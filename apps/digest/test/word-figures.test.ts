import { describe, expect, it } from 'vitest';
import type { ReportedFigure } from '../src/day-data.ts';
import { deathRange, wordAttribution, wordToll } from '../src/word-figures.ts';

const fig = (best: number, more: Partial<ReportedFigure> = {}): ReportedFigure => ({
  best,
  low: null,
  high: null,
  qualifier: 'exact',
  group: 'people',
  ...more,
});

describe('wording casualty figures', () => {
  it.each([
    [
      { killed: fig(46, { group: 'civilians' }), injured: fig(230, { group: 'civilians' }) },
      '46 civilians killed, 230 injured',
    ],
    [
      { killed: fig(13, { qualifier: 'at_least' }), injured: fig(25, { qualifier: 'more_than' }) },
      'at least 13 people killed, more than 25 injured',
    ],
    [{ killed: fig(8, { group: 'children' }), injured: fig(20) }, '8 children killed, 20 people injured'],
    [{ killed: fig(1), injured: null }, '1 person killed'],
    [{ killed: null, injured: fig(1200, { qualifier: 'about' }) }, 'about 1,200 people injured'],
    [
      { killed: fig(24, { qualifier: 'vague', low: 24, high: 99 }), injured: null },
      'dozens of people killed',
    ],
    [{ killed: fig(200, { qualifier: 'vague' }), injured: null }, '200 or more people killed'],
    [{ killed: null, injured: null }, null],
  ])('%j reads "%s"', (report, expected) => {
    expect(wordToll(report)).toBe(expected);
  });

  it.each([
    [['White Helmets', 'Reuters'], 'White Helmets, via Reuters'],
    [['Reuters'], 'Reuters'],
    [['Reuters', 'Reuters'], 'Reuters'],
    [['a fighter', 'Reuters', 'TRT World'], 'a fighter, via Reuters, via TRT World'],
    [[], 'unattributed'],
  ])('attributes %j as "%s"', (chain, expected) => {
    expect(wordAttribution(chain)).toBe(expected);
  });

  it('states a range only when reports disagree', () => {
    const report = (killed: ReportedFigure) => ({ articleId: 'a', killed, injured: null, reportedBy: [] });
    expect(deathRange([report(fig(13)), report(fig(13, { qualifier: 'at_least' }))])).toBeNull();
    expect(deathRange([report(fig(13)), report(fig(46)), report(fig(20))])).toBe(
      'Reported deaths range from 13 to 46 across 3 reports',
    );
  });
});
