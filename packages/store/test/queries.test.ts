import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekStart } from '../src/read/aggregates.ts';
import type { SitrepStore } from '../src/store.ts';
import { loadSmallCorpus, placeAndInside } from './corpus.ts';
import { engineCases } from './engines.ts';
import { singletonCanonical } from './world-fixture.ts';

const cases = await engineCases();

const HOSTILE = [
  '"',
  'AND',
  'aleppo AND',
  '*',
  'aleppo*',
  '-',
  '-aleppo',
  '(',
  'aleppo (strike',
  ')',
  'NEAR(a b)',
  "O'Brien",
  'body:aleppo',
  '^aleppo',
  'OR NOT',
  '',
  '   ',
  '\u0000',
  '"unbalanced',
  '💥',
  '%_\\',
];

describe.each(cases)('queries on $name', (engine) => {
  let store: SitrepStore;
  let events: Event[];
  let articles: ExtractedArticle[];
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    ({ events, articles } = await loadSmallCorpus(store));
    // the timeline counts canonical events: here each report is its own (the counting of two
    // reports of one strike is tested in timeline-counts.test.ts)
    await store.replaceCanonicalEvents(events.map(singletonCanonical));
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip).each(HOSTILE)('search treats %j as plain words and never errors', async (text) => {
    await expect(store.search(text, 10)).resolves.toBeInstanceOf(Array);
    await expect(store.listEvents({ text }, { first: 5 })).resolves.toHaveProperty('nodes');
    await expect(store.listArticles({ text }, { first: 5 })).resolves.toHaveProperty('nodes');
  });

  it.skipIf(engine.skip)(
    'search finds articles, claims and events by their words, with snippets',
    async () => {
      const hits = await store.search('Saliheen killed', 200);
      expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['article', 'claim', 'event']));
      for (const h of hits.filter((x) => x.kind === 'event'))
        expect(events.find((e) => e.id === h.id)?.summary).toContain('Saliheen');
      expect(hits[0]!.snippet).toMatch(/\[(Saliheen|killed)\]/i);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      // Punctuation around the words changes nothing.
      expect((await store.search('"Saliheen" AND (killed', 200)).map((h) => h.id).sort()).toEqual(
        hits.map((h) => h.id).sort(),
      );
    },
  );

  it.skipIf(engine.skip).each(['day', 'week'] as const)(
    'timeline per %s sums to the events, killed and injured stored',
    async (granularity) => {
      const buckets = await store.timeline({ granularity });
      const sum = (f: (e: Event) => number) => events.reduce((n, e) => n + f(e), 0);
      expect(buckets.reduce((n, b) => n + b.events, 0)).toBe(events.length);
      expect(buckets.reduce((n, b) => n + b.killed, 0)).toBe(sum((e) => e.casualties.killed?.best ?? 0));
      expect(buckets.reduce((n, b) => n + b.injured, 0)).toBe(sum((e) => e.casualties.injured?.best ?? 0));
      if (granularity === 'week')
        for (const b of buckets) expect(new Date(`${b.period}T00:00:00Z`).getUTCDay()).toBe(1);
      const periods = buckets.map((b) => b.period);
      expect(periods).toEqual([...periods].sort());
    },
  );

  it.skipIf(engine.skip)('timeline for a place counts only events in it or inside it', async () => {
    const inside = placeAndInside('syn-city-aleppo');
    const buckets = await store.timeline({
      placeId: 'syn-city-aleppo',
      from: '2016-01-10',
      to: '2016-01-20',
    });
    expect(buckets.map((b) => b.period)).toEqual(
      Array.from({ length: 11 }, (_, i) => `2016-01-${String(10 + i).padStart(2, '0')}`),
    );
    const expected = events.filter(
      (e) =>
        inside.has(e.location!.placeId!) &&
        e.occurred.start! >= '2016-01-10' &&
        e.occurred.start! <= '2016-01-20',
    );
    expect(buckets.reduce((n, b) => n + b.killed, 0)).toBe(
      expected.reduce((n, e) => n + (e.casualties.killed?.best ?? 0), 0),
    );
    expect(buckets.reduce((n, b) => n + b.events, 0)).toBe(expected.length);
  });

  it('weekStart gives the Monday of the ISO week', () => {
    expect(['2016-12-05', '2016-12-08', '2016-12-11', '2016-12-12'].map(weekStart)).toEqual([
      '2016-12-05',
      '2016-12-05',
      '2016-12-05',
      '2016-12-12',
    ]);
  });

  it.skipIf(engine.skip)('digestData gathers one day in a bounded number of queries', async () => {
    const day = events[0]!.occurred.start!;
    const before = store.stats.queries;
    const digest = await store.digestData(day);
    expect(store.stats.queries - before).toBeLessThanOrEqual(8);
    const expected = events.filter((e) => e.occurred.start === day);
    expect(digest.events.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(digest.totals.killed).toBe(expected.reduce((n, e) => n + (e.casualties.killed?.best ?? 0), 0));
    const articleIds = new Set(digest.articles.map((a) => a.id));
    for (const e of digest.events) expect(articleIds.has(e.articleId)).toBe(true);
    for (const a of articles.filter((x) => x.publishedAt.date === day))
      expect(articleIds.has(a.id)).toBe(true);
    expect(digest.claims.length).toBe(expected.length);
    expect(digest.places.map((p) => p.id)).toContain('syn-sy');
    expect(digest.byPlace.reduce((n, r) => n + r.events, 0)).toBe(expected.length);
  });

  it.skipIf(engine.skip).each([
    ['daesh', 'Islamic State'],
    ['SOHR', 'Syrian Observatory for Human Rights'],
    ['lavrov', 'Sergey Lavrov'],
  ])('listActors finds %s by name or alias', async (search, name) => {
    expect((await store.listActors({ search })).map((a) => a.name)).toContain(name);
  });

  it.skipIf(engine.skip)('listPlaces searches names and nests', async () => {
    expect((await store.listPlaces({ search: 'sheikh' })).map((p) => p.id)).toEqual(['syn-nb-sheikh-saeed']);
    const inAleppo = (await store.listPlaces({ within: 'syn-city-aleppo' })).map((p) => p.id).sort();
    expect(inAleppo).toEqual([...placeAndInside('syn-city-aleppo')].sort());
    expect(await store.listPlaces({ search: '%' })).toEqual([]);
  });

  it.skipIf(engine.skip)('listOutlets and listArticles by outlet agree', async () => {
    const outlets = await store.listOutlets();
    expect(outlets.map((o) => o.id)).toContain('syn-reuters');
    const page = await store.listArticles({ outlet: 'syn-reuters' }, { first: 500 });
    expect(page.totalCount).toBe(articles.filter((a) => a.outlet?.id === 'syn-reuters').length);
    const dates = page.nodes.map((a) => a.publishedAt.date!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.skipIf(engine.skip)('the send log makes sending resumable: only successful sends count', async () => {
    await store.sendLog.record({
      issueDate: '2016-12-09',
      recipient: 'a@example.org',
      messageId: '<1@x>',
      status: 'sent',
    });
    await store.sendLog.record({
      issueDate: '2016-12-09',
      recipient: 'b@example.org',
      messageId: null,
      status: 'failed',
      detail: '451 try later',
    });
    await store.sendLog.record({
      issueDate: '2016-12-10',
      recipient: 'b@example.org',
      messageId: '<2@x>',
      status: 'sent',
    });
    expect(await store.sendLog.sentKeys('2016-12-09')).toEqual(new Set(['2016-12-09:a@example.org']));
    expect((await store.sendLog.entries('2016-12-09')).map((e) => e.status)).toEqual(['sent', 'failed']);
  });

  it.skipIf(engine.skip)('counts calls and statements for N+1 checks', async () => {
    const { calls, queries } = store.stats;
    const seen: string[] = [];
    const off = store.onQuery((q) => seen.push(q.sql));
    await store.eventsByIds(events.slice(0, 50).map((e) => e.id));
    off();
    await store.eventsByIds([events[0]!.id]);
    expect(store.stats.calls - calls).toBe(2);
    expect(store.stats.queries - queries).toBe(2);
    expect(seen).toHaveLength(1);
  });
});
