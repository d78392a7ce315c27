import { describe, expect, it } from 'vitest';
import { spanLabel } from '../src/date-labels.ts';

describe('date labels', () => {
  it.each([
    ['one day', '2016-12-09', '2016-12-09', 'Fri 9 Dec'],
    ['days of one month, both ends whole', '2016-12-07', '2016-12-08', 'Wed 7 Dec – Thu 8 Dec'],
    ['days across two months, both ends whole', '2016-11-30', '2016-12-02', 'Wed 30 Nov – Fri 2 Dec'],
    ['days across two years, with the years', '2016-12-29', '2017-01-02', 'Thu 29 Dec 2016 – Mon 2 Jan 2017'],
    ['a whole month', '2016-12-01', '2016-12-31', 'December 2016'],
    ['a whole February', '2016-02-01', '2016-02-29', 'February 2016'],
    ['a whole year, not "Thu 1 – Thu 31 Dec"', '2015-01-01', '2015-12-31', '2015'],
    ['most of a month', '2016-12-01', '2016-12-30', 'Thu 1 Dec – Fri 30 Dec'],
  ])('%s', (_name, start, end, label) => {
    expect(spanLabel(start, end)).toBe(label);
  });

  it('says nothing without a start', () => {
    expect(spanLabel(null, null)).toBeNull();
  });
});
