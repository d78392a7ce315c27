import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import type { SitrepStore } from '@sitrep/store/store';
import { syntheticArticles } from '@sitrep/store/synthetic';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEvents, periodOf } from '../src/event-counts.ts';
import { canonicalOf, fillFixtureStore } from './fixture-store.ts';

const cases = await engineCases();
afterAll(async () => {
  for (const c of cases) await c.cleanup();
});

async function everyCanonical(store: SitrepStore): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for await (const batch of store.scanCanonicalEvents({})) out.push(...batch);
  return out;
}

describe('period starts', () => {
  it.each([
    ['2016-12-07', 'day', '2016-12-07'],
    ['2016-12-07', 'week', '2016-12-05'], // a Wednesday: its week starts on Monday the 5th
    ['2016-12-04', 'week', '2016-11-28'], // a Sunday ends the week that began on Monday
    ['2016-12-31', 'month', '2016-12-01'],
  ] as const)('%s by %s is %s', (date, period, expected) => {
    expect(periodOf(date, period)).toBe(expected);
  });
});

describe.each(cases)('eventCounts over canonical events on $name', (engine) => {
  let store: SitrepStore;
  let canonical: CanonicalEvent[];
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await fillFixtureStore(store, 120);
    canonical = await everyCanonical(store);
  });

  it.skipIf(engine.skip)('counts two reports of one strike once, as the timeline does', async () => {
    // a store of its own: one day's reports, two of them (from two articles) joined as one strike
    const own = await engine.open();
    const articles = [...syntheticArticles({ events: 400, seed: 11 })];
    await own.ingestArticles(articles);
    const byDay = new Map<string, Event[]>();
    for (const a of articles)
      for (const e of a.events) byDay.set(e.occurred.start!, [...(byDay.get(e.occurred.start!) ?? []), e]);
    const [day, reports] = [...byDay].find(([, es]) => new Set(es.map((e) => e.articleId)).size >= 2)!;
    const first = reports[0]!;
    const second = reports.find((e) => e.articleId !== first.articleId)!;
    const byId = new Map(articles.map((a) => [a.id, a]));
    const rest = reports.filter((e) => e !== first && e !== second);
    await own.replaceCanonicalEvents([
      canonicalOf([first, second], byId),
      ...rest.map((e) => canonicalOf([e], byId)),
    ]);
    // the timeline counts canonical events too (issue 17), not each article's report
    const timeline = await own.timeline({ from: day, to: day });
    expect(timeline[0]!.events).toBe(reports.length - 1);
    const [row] = await countEvents(own, { filter: { from: day, to: day } });
    expect(row).toMatchObject({ period: day, events: reports.length - 1 });
  });

  it.skipIf(engine.skip)(
    'sums disputed figures by their ends: best with best, low with low, high with high',
    async () => {
      const rows = await countEvents(store, { period: 'month' });
      const sum = (f: (c: CanonicalEvent) => number) =>
        canonical.filter((c) => c.occurred.start).reduce((n, c) => n + f(c), 0);
      const total = (k: 'best' | 'low' | 'high') => rows.reduce((n, r) => n + r.killed[k], 0);
      expect(total('best')).toBe(sum((c) => c.figures.killed?.best ?? 0));
      expect(total('low')).toBe(sum((c) => c.figures.killed?.low ?? 0));
      expect(total('high')).toBe(sum((c) => c.figures.killed?.high ?? 0));
      expect(total('low')).toBeLessThan(total('high'));
      expect(rows.reduce((n, r) => n + r.events, 0)).toBe(canonical.filter((c) => c.occurred.start).length);
    },
  );

  it.skipIf(engine.skip)('gives every period of every group, empty ones as zero rows', async () => {
    const from = '2016-02-01';
    const to = '2016-03-31';
    const rows = await countEvents(store, { filter: { from, to }, groupBy: ['kind'], period: 'week' });
    const kinds = [...new Set(rows.map((r) => r.kind))];
    const weeks = [...new Set(rows.map((r) => r.period))];
    expect(weeks[0]).toBe('2016-02-01');
    expect(weeks.at(-1)).toBe('2016-03-28');
    expect(weeks.length).toBe(9);
    expect(rows.length).toBe(kinds.length * weeks.length);
    expect(rows.some((r) => r.events === 0)).toBe(true);
    for (const kind of kinds) {
      const expected = canonical.filter(
        (c) => c.kind === kind && c.occurred.start && c.occurred.start >= from && c.occurred.start <= to,
      ).length;
      expect(rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.events, 0)).toBe(expected);
    }
  });

  it.skipIf(engine.skip)('groups by country, admin1 and actor from the places and reports', async () => {
    const rows = await countEvents(store, { groupBy: ['country', 'admin1', 'actor'], period: 'month' });
    expect(new Set(rows.map((r) => r.country))).toEqual(new Set(['SY']));
    expect(rows.some((r) => r.admin1 === 'Aleppo')).toBe(true);
    expect(rows.some((r) => r.actor === 'Islamic State')).toBe(true);
    expect(await countEvents(store, { countries: ['UA'] })).toEqual([]);
  });

  it.skipIf(engine.skip)(
    'facet rows (kind × place) add up to the filtered totals of both connections',
    async () => {
      const filter = {
        kinds: ['airstrike', 'shelling', 'attack'] as ('airstrike' | 'shelling' | 'attack')[],
        from: '2016-02-01',
      };
      const rows = await store.canonicalEventFacets(filter);
      const total = (await store.listCanonicalEvents(filter, { first: 1 })).totalCount;
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(total);
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(filter.kinds));
      const reports = await store.eventFacets(filter);
      expect(reports.reduce((n, r) => n + r.count, 0)).toBe(
        (await store.listEvents(filter, { first: 1 })).totalCount,
      );
    },
  );

  it.skipIf(engine.skip)('refuses an answer of more than 50,000 rows, saying how to narrow it', async () => {
    await expect(
      countEvents(store, { filter: { from: '1900-01-01', to: '2016-12-31' }, groupBy: ['kind', 'actor'] }),
    ).rejects.toThrow(/more than 50000 rows .* narrow from\/to, group by less, or count by a longer period/);
  });
});
