import { openStore } from '@sitrep/store/store';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRow } from '../src/export-row.ts';
import { ACLED_COLUMNS, acledRecord } from '../src/formats/acled.ts';
import { type CsvValue, csvLines } from '../src/formats/csv-writer.ts';
import { UCDP_COLUMNS, ucdpRecord } from '../src/formats/ucdp.ts';
import { readRows } from '../src/read-rows.ts';
import { fillFixtureStore } from './fixture-store.ts';

// The CSV writer is our own few-line RFC 4180 quoting, kept for speed; csv-stringify stays as the
// oracle: these check it writes exactly what the library writes, on hostile values and on every row of the fixture.
const library = (records: Record<string, CsvValue>[], columns: readonly string[]) =>
  stringify(records, { columns: columns as string[], cast: { number: String } });

describe('the CSV writer writes what csv-stringify writes', () => {
  it.each<[string, CsvValue]>([
    ['plain', 'Aleppo'],
    ['comma', 'Douma, Rif Dimashq'],
    ['quote', 'the "White Helmets" said'],
    ['line breaks', 'one\ntwo\r\nthree\rfour'],
    ['only a quote', '"'],
    ['leading and trailing spaces', '  spaced  '],
    ['empty text', ''],
    ['null', null],
    ['zero', 0],
    ['negative and fraction', -12.5],
    ['large', 1e21],
    ['unicode', 'Ḩamāh — 💥'],
    ['semicolons and equals', 'sitrep:kind=airstrike; sitrep:reports=2'],
  ])('%s', (_, value) => {
    const records = [{ a: value, b: 'x', c: value }];
    expect(csvLines(records, ['a', 'b', 'c'])).toBe(library(records, ['a', 'b', 'c']));
  });

  describe('on the fixture’s rows', () => {
    let rows: ExportRow[] = [];
    let close: () => Promise<void>;
    beforeAll(async () => {
      const store = await openStore({ engine: 'sqlite', file: ':memory:' });
      close = () => store.close();
      await fillFixtureStore(store, 120);
      for (const level of ['event', 'report'] as const)
        for await (const batch of readRows(store, { format: 'acled', level })) rows.push(...batch);
      rows = rows.filter(Boolean);
    });
    afterAll(() => close());

    it.each([
      ['ACLED', ACLED_COLUMNS, acledRecord],
      ['UCDP', UCDP_COLUMNS, ucdpRecord],
    ] as const)('%s', (_, columns, toRecord) => {
      expect(rows.length).toBeGreaterThan(100);
      const records = rows.map((r) => toRecord(r) as Record<string, CsvValue>);
      expect(csvLines(records, columns)).toBe(library(records, columns));
    });
  });
});
