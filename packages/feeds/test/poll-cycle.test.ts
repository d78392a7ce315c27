import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFeedsConfig } from '../src/config.ts';
import { type FeedReport, pollCycle } from '../src/watch/poll-cycle.ts';
import { FixtureServer } from './fixture-server.ts';

// Whole polling rounds into a real store, on SQLite and PostgreSQL: articles stored through the
// ingest pipeline, polls recorded, failures kept and backed off, nothing read twice.

const server = new FixtureServer();
const config = { ...defaultFeedsConfig(), hostDelayMs: 0, timeoutMs: 1_000 };
const cases = await engineCases();
beforeAll(() => server.start());
afterAll(() => server.close());

describe.each(cases)('pollCycle on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'stores each item once across feeds and rounds, and costs a 304 per feed the second time',
    async () => {
      const store = await engine.open();
      const now = '2025-06-11T08:00:00.000Z';
      for (const path of ['/feeds/wire.rss.xml', '/feeds/section.rss.xml', '/feeds/relative.rss.xml'])
        await store.feeds.add({ url: server.url(path) }, now);
      const first = await pollCycle(store, { config, all: true, ingest: { jobs: 1 } });
      // wire: 3 items; section: El Fasher (seen) and Mopti; relative: Mopti again → one article
      expect([first.new, first.changed, first.failed, first.failedFeeds]).toEqual([4, 0, 0, 0]);
      expect(first.unchanged).toBe(2);
      expect((await store.counts()).articles).toBe(4);
      const reports: FeedReport[] = [];
      const second = await pollCycle(store, {
        config,
        all: true,
        ingest: { jobs: 1 },
        onFeed: (r) => reports.push(r),
      });
      // each feed's own report first: when one is not a 304, its status and error say why
      expect(reports.map((r) => [r.status, r.error ?? null])).toEqual([
        ['not-modified', null],
        ['not-modified', null],
        ['not-modified', null],
      ]);
      expect([second.new, second.changed, second.unchanged, second.notModified]).toEqual([0, 0, 0, 3]);
      const article = (await store.listArticles({}, { first: 10 })).nodes.find((a) =>
        a.headline.includes('Kharkiv'),
      );
      expect(article?.publishedAt).toMatchObject({ date: '2025-06-10', basis: 'metadata' });
      expect(article?.outlet?.name).toBe('Test Wire - World');
    },
  );

  it.skipIf(engine.skip)(
    'keeps a failing feed’s error and backs off, while the others are read; then recovers',
    async () => {
      const store = await engine.open();
      const t0 = new Date('2025-06-11T08:00:00.000Z');
      await store.feeds.add({ url: server.url('/flaky.xml'), everySeconds: 600 }, t0.toISOString());
      await store.feeds.add({ url: server.url('/feeds/invalid.xml') }, t0.toISOString());
      await store.feeds.add({ url: server.url('/feeds/wire.json') }, t0.toISOString());
      server.flakyFailures = 2;
      const first = await pollCycle(store, { config, ingest: { jobs: 1 }, now: () => t0 });
      expect([first.failedFeeds, first.new]).toEqual([2, 2]);
      const flaky = async () => (await store.feeds.list()).find((f) => f.url.endsWith('/flaky.xml'))!;
      expect(await flaky()).toMatchObject({
        failures: 1,
        lastError: 'HTTP 500 Internal Server Error',
        nextPollAt: '2025-06-11T08:20:00.000Z', // 2 × 10 min
      });
      const t1 = new Date('2025-06-11T08:20:00.000Z');
      await pollCycle(store, { config, ingest: { jobs: 1 }, now: () => t1 });
      expect(await flaky()).toMatchObject({ failures: 2, nextPollAt: '2025-06-11T09:00:00.000Z' }); // 4 × 10 min
      const t2 = new Date('2025-06-11T09:00:00.000Z');
      const recovered = await pollCycle(store, { config, ingest: { jobs: 1 }, now: () => t2 });
      expect(recovered.new).toBe(3);
      expect(await flaky()).toMatchObject({
        failures: 0,
        lastError: null,
        lastOkAt: t2.toISOString(),
        nextPollAt: '2025-06-11T09:10:00.000Z',
        articles: 3,
      });
    },
  );
});
