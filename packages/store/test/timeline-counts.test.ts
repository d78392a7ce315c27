import type { Event } from '@sitrep/schema/event';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCorpus } from './corpus.ts';
import { engineCases } from './engines.ts';
import { singletonCanonical } from './world-fixture.ts';

const cases = await engineCases();

describe.each(cases)('the timeline counts canonical events on $name', (engine) => {
  let store: SitrepStore;
  let events: Event[];
  let day: string;
  let a: Event;
  let b: Event;
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    ({ events } = await loadSmallCorpus(store));
    // two reports with deaths on one day, clustered as one strike: the one event carries the
    // higher figure as its best (clustering's rule for two agreeing reports is its own business;
    // what matters here is that the event's figure counts once, not the two reports')
    const killed = (e: Event) => e.casualties.killed?.best ?? 0;
    const byDay = new Map<string, Event[]>();
    for (const e of events.filter((x) => killed(x) > 0)) {
      const d = e.occurred.start as string;
      byDay.set(d, [...(byDay.get(d) ?? []), e]);
    }
    [day, [a, b]] = [...byDay].find(([, es]) => es.length >= 2) as [string, [Event, Event]];
    const strike = singletonCanonical(a);
    strike.mentions.push(...singletonCanonical(b).mentions);
    const best = Math.max(killed(a), killed(b));
    strike.figures.killed = {
      ...strike.figures.killed!,
      low: Math.min(killed(a), killed(b)),
      best,
      high: best,
    };
    const rest = events.filter((e) => e !== a && e !== b).map(singletonCanonical);
    await store.replaceCanonicalEvents([strike, ...rest]);
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'two reports of one strike count once, with the event’s figure, not the sum',
    async () => {
      const onDay = events.filter((e) => e.occurred.start === day);
      const killed = (e: Event) => e.casualties.killed?.best ?? 0;
      const others = onDay.filter((e) => e !== a && e !== b);
      const [bucket] = await store.timeline({ from: day, to: day });
      expect(bucket).toEqual({
        period: day,
        events: onDay.length - 1,
        killed: others.reduce((n, e) => n + killed(e), 0) + Math.max(killed(a), killed(b)),
        injured: expect.any(Number),
      });
      // the reports are still two
      const reports = await store.listEvents({ from: day, to: day }, { first: 100 });
      expect(reports.totalCount).toBe(onDay.length);
      // and the digest's daily sums (its map and chart) count the same way
      const sums = await store.dailyAggregates({ from: day, to: day });
      expect(sums).toEqual([
        {
          date: day,
          placeId: null,
          events: bucket!.events,
          killed: bucket!.killed,
          injured: bucket!.injured,
        },
      ]);
    },
  );
});
