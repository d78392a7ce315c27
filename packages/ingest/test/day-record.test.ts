import { extractArticle } from '@sitrep/extract/extract-article';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclusterStore } from '../src/recluster.ts';

const cases = await engineCases();
const DAY = '2017-03-28'; // a Tuesday

// Four short reports of our own, published on DAY: three give one event each, of a different
// standing; the fourth gives only a war's total, which extraction keeps as a total, not an event.
const REPORTS = {
  dated: 'Air strikes killed 12 people in Douma on Tuesday, rescuers said.',
  reported: 'A suspected gas attack killed at least 58 people in Khan Sheikhoun, a monitor said.',
  month: 'Air strikes have killed more than 300 people in Raqqa this month, the monitor said.',
  war: 'The conflict has left more than 320,000 people dead.',
} as const;

function report(name: keyof typeof REPORTS): ExtractedArticle {
  return extractArticle({
    text: REPORTS[name],
    bodyStart: 0,
    origin: { path: `${name}.txt` },
    meta: { headline: name, outlet: 'Test Wire', publishedAt: DAY, url: null, language: null },
    hints: { publishedAt: null, location: null, label: null },
  });
}

describe.each(cases)('one day’s record on $name', (engine) => {
  let store: SitrepStore;
  const records = Object.fromEntries(
    (Object.keys(REPORTS) as (keyof typeof REPORTS)[]).map((name) => [name, report(name)]),
  ) as Record<keyof typeof REPORTS, ExtractedArticle>;
  const eventOf = (name: keyof typeof REPORTS) => records[name].events[0]!;

  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await store.ingestArticles(Object.values(records));
    // the timeline counts canonical events (issue 17): cluster as the pipeline does after storing
    await reclusterStore(store);
  });
  afterAll(() => engine.cleanup());

  it('reads the reports as the cases need them', () => {
    expect(eventOf('dated').occurred).toMatchObject({ start: DAY, precision: 'day' });
    expect(eventOf('reported').occurred).toMatchObject({ start: DAY, precision: 'reported' });
    expect(eventOf('month').occurred).toMatchObject({
      start: '2017-03-01',
      end: '2017-03-31',
      precision: 'month',
    });
    expect(records.war.events).toEqual([]);
    const warFigures = records.war.claims.flatMap((c) => c.quantities);
    expect(warFigures).toMatchObject([{ measure: 'killed', value: { best: 320_000 }, cumulative: true }]);
  });

  it.skipIf(engine.skip)(
    'gives the day its dated and reported-on stories, and a month as context only',
    async () => {
      const digest = await store.digestData(DAY);
      const stories = new Map(digest.events.map((e) => [e.id, e.occurred.precision]));
      expect(stories).toEqual(
        new Map([
          [eventOf('dated').id, 'day'],
          [eventOf('reported').id, 'reported'],
        ]),
      );
      expect(digest.context.map((e) => e.id)).toEqual([eventOf('month').id]);
    },
  );

  it.skipIf(engine.skip)('sums and ranks incidents’ tolls, never a month’s or a war’s total', async () => {
    const digest = await store.digestData(DAY);
    expect(digest.totals.killed).toBe(12 + 58);
    const ranked = await store.listEvents({}, { first: 10, orderBy: 'SEVERITY' });
    expect(ranked.nodes.slice(0, 2).map((e) => e.id)).toEqual([eventOf('reported').id, eventOf('dated').id]);
    const [day] = await store.timeline({ from: DAY, to: DAY });
    expect(day).toEqual({ period: DAY, events: 2, killed: 70, injured: 0 });
  });

  it.skipIf(engine.skip).each([
    [
      ['day', 'week', 'reported'],
      ['dated', 'reported'],
    ],
    [['month', 'year'], ['month']],
  ] as const)('filters events by their dates’ precision: %j', async (precisions, names) => {
    const page = await store.listEvents({ from: DAY, to: DAY, precisions }, { first: 10 });
    expect(page.nodes.map((e) => e.id).sort()).toEqual(names.map((n) => eventOf(n).id).sort());
  });
});
