import type { Event } from '@sitrep/schema/event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFilter, EventOrder } from '../src/query-types.ts';
import type { SitrepStore } from '../src/store.ts';
import { loadSmallCorpus, placeAndInside } from './corpus.ts';
import { engineCases } from './engines.ts';

const cases = await engineCases();

const severity = (e: Event) =>
  (e.casualties.killed?.best ?? 0) * 1e6 + Math.min(e.casualties.injured?.best ?? 0, 999_999);
const byId = (a: Event, b: Event) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorters: Record<EventOrder, (a: Event, b: Event) => number> = {
  DATE_DESC: (a, b) => (b.occurred.start ?? '').localeCompare(a.occurred.start ?? '') || byId(b, a),
  DATE_ASC: (a, b) => (a.occurred.start ?? '').localeCompare(b.occurred.start ?? '') || byId(a, b),
  SEVERITY: (a, b) => severity(b) - severity(a) || byId(b, a),
};

describe.each(cases)('listEvents on $name', (engine) => {
  let store: SitrepStore;
  let events: Event[];
  let outletOf: Map<string, string>;
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    const corpus = await loadSmallCorpus(store);
    events = corpus.events;
    outletOf = new Map(corpus.articles.map((a) => [a.id, a.outlet!.id!]));
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip).each(['DATE_DESC', 'DATE_ASC', 'SEVERITY'] as const)(
    'pages forward and backward through every event in %s order without gaps or repeats',
    async (orderBy) => {
      const expected = [...events].sort(sorters[orderBy]).map((e) => e.id);
      const forward: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; ; pageNo++) {
        const page = await store.listEvents({}, { first: 37, after, orderBy });
        expect(page.totalCount).toBe(events.length);
        expect(page.pageInfo.hasPreviousPage).toBe(pageNo > 0);
        forward.push(...page.nodes.map((e) => e.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);

      const backward: string[] = [];
      let before: string | null = null;
      for (let pageNo = 0; ; pageNo++) {
        const page = await store.listEvents({}, { last: 37, before, orderBy });
        expect(page.pageInfo.hasNextPage).toBe(pageNo > 0);
        backward.unshift(...page.nodes.map((e) => e.id));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);
    },
  );

  it.skipIf(engine.skip)('answers first: 0 with no nodes but the right page info and count', async () => {
    const page = await store.listEvents({}, { first: 0 });
    expect(page).toMatchObject({
      nodes: [],
      totalCount: events.length,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null },
    });
  });

  it.skipIf(engine.skip)(
    'turns back from the middle: the page before a page ends where it began',
    async () => {
      const second = await store.listEvents(
        {},
        { first: 10, after: (await store.listEvents({}, { first: 10 })).pageInfo.endCursor },
      );
      const back = await store.listEvents({}, { last: 10, before: second.pageInfo.startCursor });
      const first = await store.listEvents({}, { first: 10 });
      expect(back.nodes.map((e) => e.id)).toEqual(first.nodes.map((e) => e.id));
      expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    },
  );

  const aleppoGov = 'syn-gov-aleppo';
  const filters: [string, EventFilter, (e: Event) => boolean][] = [
    ['kinds', { kinds: ['airstrike', 'shelling'] }, (e) => e.kind === 'airstrike' || e.kind === 'shelling'],
    [
      'a date range (overlap)',
      { from: '2016-01-20', to: '2016-01-31' },
      (e) => e.occurred.end! >= '2016-01-20' && e.occurred.start! <= '2016-01-31',
    ],
    [
      'a governorate, including its cities and neighbourhoods',
      { placeId: aleppoGov },
      (e) => placeAndInside(aleppoGov).has(e.location!.placeId!),
    ],
    [
      'a neighbourhood only',
      { placeId: 'syn-nb-saliheen' },
      (e) => e.location!.placeId === 'syn-nb-saliheen',
    ],
    [
      'an actor',
      { actorId: 'syn-islamic-state' },
      (e) => e.participants.some((p) => p.actor.id === 'syn-islamic-state'),
    ],
    ['an outlet', { outlet: 'syn-reuters' }, (e) => outletOf.get(e.articleId) === 'syn-reuters'],
    ['minimum killed', { minKilled: 40 }, (e) => (e.casualties.killed?.best ?? -1) >= 40],
    ['disputed', { disputed: true }, (e) => e.summary.endsWith('denied.')],
    ['tense', { tense: 'scheduled' }, () => false],
    ['full text', { text: 'Saliheen' }, (e) => e.summary.includes('Saliheen')],
    [
      'several at once',
      { kinds: ['airstrike'], placeId: aleppoGov, minKilled: 1 },
      (e) =>
        e.kind === 'airstrike' &&
        placeAndInside(aleppoGov).has(e.location!.placeId!) &&
        (e.casualties.killed?.best ?? 0) >= 1,
    ],
  ];

  it.skipIf(engine.skip).each(filters)('filters by %s', async (_name, filter, keep) => {
    const expected = events
      .filter(keep)
      .sort(sorters.DATE_DESC)
      .map((e) => e.id);
    const got: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const page = await store.listEvents(filter, { first: 100, after });
      total = page.totalCount;
      got.push(...page.nodes.map((e) => e.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(got).toEqual(expected);
    expect(total).toBe(expected.length);
    if (_name !== 'tense') expect(expected.length).toBeGreaterThan(0);
  });

  it.skipIf(engine.skip).each([
    [
      'a cursor from another ordering',
      async (s: SitrepStore) =>
        s.listEvents(
          {},
          { first: 2, orderBy: 'SEVERITY', after: (await s.listEvents({}, { first: 2 })).pageInfo.endCursor },
        ),
    ],
    ['a forged cursor', (s: SitrepStore) => s.listEvents({}, { first: 2, after: 'not-a-cursor' })],
    ['first and last together', (s: SitrepStore) => s.listEvents({}, { first: 2, last: 2 })],
    ['a page too large', (s: SitrepStore) => s.listEvents({}, { first: 10_000 })],
    ['a malformed date', (s: SitrepStore) => s.listEvents({ from: '2016-13' }, { first: 2 })],
  ])('rejects %s with BAD_USER_INPUT', async (_name, call) => {
    await expect(call(store)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
