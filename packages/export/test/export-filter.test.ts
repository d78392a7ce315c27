import { describe, expect, it } from 'vitest';
import { exportFileName, parseExportQuery } from '../src/export-filter.ts';

describe('export parameters', () => {
  it('reads a full query, normalising country codes', () => {
    expect(
      parseExportQuery({
        format: 'ucdp',
        level: 'report',
        from: '2016-12-01',
        to: '2016-12-31',
        countries: 'sy, ua',
        kinds: 'airstrike,shelling',
      }),
    ).toEqual({
      format: 'ucdp',
      level: 'report',
      from: '2016-12-01',
      to: '2016-12-31',
      countries: ['SY', 'UA'],
      kinds: ['airstrike', 'shelling'],
    });
  });

  it.each([
    [{ format: 'xlsx' }, /^format: "xlsx" is not a format; use one of acled, ucdp, geojson, jsonl/],
    [{ format: 'acled', level: 'mention' }, /^level: "mention"/],
    [{ format: 'acled', from: '2016-02-30' }, /^from: "2016-02-30" is not a date; write YYYY-MM-DD/],
    [{ format: 'acled', to: '01/12/2016' }, /^to: "01\/12\/2016" is not a date/],
    [{ format: 'acled', from: '2016-12-31', to: '2016-12-01' }, /^to: 2016-12-01 is before from 2016-12-31/],
    [
      { format: 'acled', countries: 'Syria' },
      /^countries: "Syria" is not an ISO 3166-1 alpha-2 country code/,
    ],
    [{ format: 'acled', countries: 'XX' }, /^countries: "XX"/],
    [{ format: 'acled', kinds: 'airstrikes' }, /^kinds: "airstrikes" is not an event kind/],
    [{ format: 'acled', since: 'abc' }, /^since: "abc" is not a cursor .*export/],
    [
      { format: 'acled', level: 'report', since: 'Y2hnMTo1' },
      /^since: the change feed follows canonical events/,
    ],
  ])('refuses %j with BAD_USER_INPUT naming the parameter', (raw, message) => {
    expect(() => parseExportQuery(raw)).toThrow(message);
    try {
      parseExportQuery(raw);
    } catch (error) {
      expect((error as { code: string }).code).toBe('BAD_USER_INPUT');
    }
  });

  it('names files for what they hold', () => {
    expect(exportFileName(parseExportQuery({ format: 'acled' }))).toBe('sitrep-events-acled.csv');
    expect(
      exportFileName(
        parseExportQuery({ format: 'geojson', level: 'report', from: '2016-12-01', countries: 'SY' }),
      ),
    ).toBe('sitrep-reports-geojson-2016-12-01_end-SY.geojson');
  });
});
