import { readFileSync } from 'node:fs';
import * as chronoEn from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { chronoGB } from '../../src/dates/chrono-parser.ts';
import { SEEDS } from '../gold/gold-records.ts';

const instant = new Date('2016-12-10T12:00:00Z');
const read = (parser: typeof chronoGB, text: string) =>
  parser.parse(text, { instant, timezone: 0 }).map((r) => ({
    index: r.index,
    text: r.text,
    start: r.start.date().toISOString(),
    end: r.end?.date().toISOString() ?? null,
  }));

// at least one expression for each of chrono's English parsers, some capitalised or upper-case
// (the guards must be as case-blind as the patterns they stand in front of)
const EXPRESSIONS = [
  'It was signed on 2016-12-08 in Geneva.',
  'Dated 2016 Dec 08 and 2016/12/08.',
  'The attack of 24.08.2013 and the one of 05-09-2013.',
  'Figures for 8/2016 were lower.',
  'on 5 September 2016, on the 21st of Sept. and on Sept. 21',
  'Nov. 30 and December 8 and in September 2016, and 2016 September',
  'On Monday, last weekend, THURSDAY and Sat. the council met.',
  'Fighting began at 10:30 pm and went on until 2 a.m.',
  'Three days ago, two days later, a week before and two years earlier.',
  'Yesterday, Tonight, last night and TOMORROW.',
  'This morning, in the afternoon, by midnight and at noon.',
  'By the end of the month and on the last day of the month.',
  'Last month, LAST YEAR, next week, This Week and the past two weeks.',
  'within two days, for 48 hours, in the past 48 hours and +2 days.',
  'Talks resume on Friday.',
  'TALKS RESUME ON FRIDAY, SEPTEMBER 9.',
  'Assad said that nothing would change.',
];

describe('chrono with guarded parsers', () => {
  it.each(EXPRESSIONS)('reads "%s" exactly as chrono does', (text) => {
    expect(read(chronoGB, text)).toEqual(read(chronoEn.GB, text));
  });

  it('reads every seed paragraph exactly as chrono does', () => {
    const corpus = new URL('../../../../corpus/', import.meta.url);
    for (const seed of SEEDS)
      for (const paragraph of readFileSync(new URL(`${seed}.txt`, corpus), 'utf8').split(/\n+/))
        expect(read(chronoGB, paragraph)).toEqual(read(chronoEn.GB, paragraph));
  });
});
