import { afterAll, describe, expect, it } from 'vitest';
import { engineCases } from './engines.ts';

// The feeds `sitrep watch` polls (migration 0007), on both engines: adding, changing and
// removing feeds, which are due, the item keys a poll recorded, and a poll's outcome written
// whole — validators kept when a poll leaves items for later.

const cases = await engineCases();
const T0 = '2025-06-10T12:00:00.000Z';
const T1 = '2025-06-10T12:10:00.000Z';

describe.each(cases)('feeds on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)('adds a feed due at once, and changes only what a second add gives', async () => {
    const store = await engine.open();
    expect(
      await store.feeds.add({ url: 'https://a.test/rss', outlet: 'Agency A', everySeconds: 900 }, T0),
    ).toBe('added');
    expect(await store.feeds.add({ url: 'https://a.test/rss', everySeconds: 300 }, T1)).toBe('updated');
    const [feed] = await store.feeds.list();
    expect(feed).toMatchObject({
      url: 'https://a.test/rss',
      outlet: 'Agency A',
      everySeconds: 300,
      addedAt: T0,
      nextPollAt: T0,
      failures: 0,
      lastError: null,
      articles: 0,
    });
    expect(await store.feeds.remove('https://a.test/rss')).toBe(true);
    expect(await store.feeds.remove('https://a.test/rss')).toBe(false);
    expect(await store.feeds.list()).toEqual([]);
  });

  it.skipIf(engine.skip)('lists the feeds due, soonest first', async () => {
    const store = await engine.open();
    await store.feeds.add({ url: 'https://b.test/rss' }, T1);
    await store.feeds.add({ url: 'https://c.test/rss' }, T0);
    await store.feeds.add({ url: 'https://d.test/rss' }, '2025-06-10T13:00:00.000Z');
    expect((await store.feeds.due(T1)).map((f) => f.url)).toEqual([
      'https://c.test/rss',
      'https://b.test/rss',
    ]);
  });

  it.skipIf(engine.skip)(
    'records a poll: item keys, schedule, validators, error; keeps validators when told to',
    async () => {
      const store = await engine.open();
      const url = 'https://e.test/rss';
      await store.feeds.add({ url }, T0);
      await store.feeds.recordPoll({
        url,
        polledAt: T0,
        ok: true,
        failures: 0,
        nextPollAt: T1,
        lastError: null,
        validators: { etag: '"v1"', lastModified: 'Tue, 10 Jun 2025 11:00:00 GMT' },
        items: [
          {
            keys: ['guid:e.test/1', 'url:e.test/a'],
            articleId: 'art_0000000000000001',
            body: 'page',
            note: null,
          },
          { keys: ['guid:e.test/2'], articleId: 'art_0000000000000002', body: 'feed', note: 'no page' },
          { keys: ['url:e.test/dup', 'url:e.test/a'], articleId: null, body: null, note: null },
        ],
      });
      expect(await store.feeds.knownKeys(['guid:e.test/1', 'url:e.test/dup', 'url:e.test/new'])).toEqual(
        new Set(['guid:e.test/1', 'url:e.test/dup']),
      );
      await store.feeds.recordPoll({
        url,
        polledAt: T1,
        ok: false,
        failures: 1,
        nextPollAt: '2025-06-10T12:30:00.000Z',
        lastError: 'HTTP 500 Internal Server Error',
        items: [],
      });
      const [feed] = await store.feeds.list();
      expect(feed).toMatchObject({
        etag: '"v1"',
        lastModified: 'Tue, 10 Jun 2025 11:00:00 GMT',
        failures: 1,
        lastPolledAt: T1,
        lastOkAt: T0,
        lastError: 'HTTP 500 Internal Server Error',
        nextPollAt: '2025-06-10T12:30:00.000Z',
        articles: 2,
      });
    },
  );
});
