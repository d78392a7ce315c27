import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishedAt } from '@sitrep/schema/article';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildArticleDates } from '../src/infer-article-dates.ts';
import { type IngestItem, ingest } from '../src/ingest.ts';
import { extracted } from './extracted.ts';

// Dates borrowed across articles, kept by ingest: seeds 000 and 002 quote the same Jabha
// Shamiya spokesman. Neither is dated well enough to lend a date (000 has only an archive
// photo's year, 002 days without a year), so on the seeds alone nothing is borrowed. A
// hand-written report (test data, not a real article) dated 9 December 2016 that carries the
// same quote lends that day to both, whatever the order of ingest.

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-article-dates-'));
const DONOR = join(dir, 'donor.txt');
const donorText = (quote: string) => `---
outlet: Example Wire
publishedAt: 2016-12-09
---
Aleppo offensive resumes

A Turkish-based spokesman for the Jabha Shamiya rebel group said: "${quote}"
`;
const QUOTE = 'Helicopters, warplanes and rocket bombardment like every day. Nothing has changed.';
const cases = await engineCases();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(paths: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of extracted(paths)) out.push(item);
  return out;
}

async function datesBySeed(
  store: SitrepStore,
  items: IngestItem[],
): Promise<Record<string, PublishedAt | null>> {
  const records = items.flatMap((i) => (i.ok ? [i.record] : []));
  const dates = await store.clustering.inferredDates(records.map((r) => r.id));
  return Object.fromEntries(
    records.map((r, i) => [(r.origin.path ?? '').split('/').at(-1)!.slice(0, 3), dates[i]!]),
  );
}

describe.each(cases)('borrowed publication dates on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'the seeds alone lend nothing: no seed is dated well enough to be a donor',
    async () => {
      const store = await engine.open();
      const seeds = await read([CORPUS]);
      await ingest(store, seeds);
      expect(Object.values(await datesBySeed(store, seeds))).toEqual([null, null, null, null, null]);
      expect(await rebuildArticleDates(store)).toBe(false);
    },
  );

  it.skipIf(engine.skip)(
    'a dated report sharing the quote lends its day to 000 and 002 in any order, and takes it back when changed',
    async () => {
      writeFileSync(DONOR, donorText(QUOTE));
      const seeds = await read([CORPUS]);
      const donor = await read([DONOR]);
      const first = await engine.open();
      await ingest(first, [...seeds, ...donor], { batchSize: 2 });
      const second = await engine.open();
      await ingest(second, [...donor, ...seeds.toReversed()], { batchSize: 1 });
      const dates = await datesBySeed(first, seeds);
      expect(await datesBySeed(second, seeds)).toEqual(dates);
      const donorId = donor[0]!.ok ? donor[0]!.record.id : '';
      for (const seed of ['000', '002']) {
        expect(dates[seed]).toMatchObject({
          date: '2016-12-09',
          precision: 'day',
          basis: 'cluster',
          confidence: 0.6,
        });
        expect(dates[seed]!.reason).toContain(donorId);
        expect(dates[seed]!.reason).toMatch(/Helicopters, warplanes,? and rocket bombardment/);
      }
      for (const seed of ['001', '003', '004']) expect(dates[seed]).toBeNull();
      expect(await rebuildArticleDates(first)).toBe(false);

      // The donor's text changes under the same origin and no longer carries the quote.
      writeFileSync(DONOR, donorText('We will keep fighting until the siege is broken, whatever it takes.'));
      await ingest(first, await read([DONOR]));
      expect(Object.values(await datesBySeed(first, seeds))).toEqual([null, null, null, null, null]);
      expect(await rebuildArticleDates(first)).toBe(false);
    },
    120_000,
  );
});
