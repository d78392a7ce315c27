import { extractArticle } from '@sitrep/extract/extract-article';
import type { ReadItem } from '@sitrep/extract/read';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch/fetch-error.ts';
import { HttpFetcher } from '../src/fetch/http-fetcher.ts';
import { DEFAULT_READ_OPTIONS } from '../src/page/read-page.ts';
import { type FeedToPoll, type PolledItem, type PollLimits, pollFeed } from '../src/poll/poll-feed.ts';
import { FixtureServer } from './fixture-server.ts';

const server = new FixtureServer();
const limits: PollLimits = {
  feedBytes: 5 * 1048576,
  pageBytes: 2 * 1048576,
  maxItems: 50,
  read: DEFAULT_READ_OPTIONS,
};
const fetcher = () =>
  new HttpFetcher({ userAgent: 'Sitrep/test', timeoutMs: 1_000, maxRedirects: 3, hostDelayMs: 0 });

/** The claim a watcher makes: keys seen in this run are not read twice. */
function claims(seen = new Set<string>()) {
  return (keys: readonly string[]) => {
    if (keys.some((k) => seen.has(k))) {
      for (const k of keys) seen.add(k);
      return false;
    }
    for (const k of keys) seen.add(k);
    return true;
  };
}

async function poll(
  path: string,
  options: Partial<FeedToPoll> & { claim?: ReturnType<typeof claims>; limits?: PollLimits } = {},
) {
  const result = await pollFeed(
    { url: server.url(path), outlet: options.outlet ?? null, validators: options.validators ?? null },
    { fetcher: fetcher(), limits: options.limits ?? limits, claim: options.claim ?? claims() },
  );
  const items: PolledItem[] = [];
  if (result.status === 'ok') for await (const item of result.items) items.push(item);
  return { result, items };
}

const raw = (item: PolledItem | undefined) => {
  if (item?.outcome !== 'article' || !item.input.ok)
    throw new Error(`expected an article, got ${JSON.stringify(item)}`);
  return (item.input as Extract<ReadItem, { ok: true }>).raw;
};

beforeAll(() => server.start());
afterAll(() => server.close());
beforeEach(() => {
  server.hits.length = 0;
});

describe('pollFeed', () => {
  it("reads each new RSS item's page, with the feed's title, date, link and outlet as its metadata", async () => {
    const { items } = await poll('/feeds/wire.rss.xml');
    expect(items.map((i) => [i.outcome, 'body' in i ? i.body : null])).toEqual([
      ['article', 'page'],
      ['article', 'page'],
      ['article', 'feed'],
    ]);
    const sudan = raw(items[0]);
    expect(sudan.meta).toEqual({
      headline: 'Shelling kills five at market in El Fasher',
      outlet: 'Test Wire - World',
      // the feed's day (23:40 in UTC+3) outranks the page's own metadata (June 9)
      publishedAt: '2025-06-10',
      url: server.url('/news/sudan-market'),
      language: 'en',
    });
    expect(sudan.origin).toEqual({ externalId: server.url('/news/sudan-market') });
    expect(sudan.text).toMatch(
      /^By Amna Test\n\nEL FASHER, Sudan, June 10 \(Test Wire\) - Shelling killed five/,
    );
    expect(sudan.text).not.toContain('Most read');
  });

  it("falls back to the feed's own text for an item without a page, and says so", async () => {
    const { items } = await poll('/feeds/wire.rss.xml');
    const tigray = items[2];
    expect(tigray?.outcome === 'article' && tigray.note).toBe(
      "tw-1003: the item links no page; the feed's own text for it was used",
    );
    expect(raw(tigray).text).toMatch(
      /^By Dawit Test\n\nMEKELLE, Ethiopia, June 9 \(Test Wire\) - A ceasefire/,
    );
    expect(raw(tigray).origin).toEqual({ externalId: 'guid:127.0.0.1/tw-1003' });
  });

  it('names the outlet as the desk did, over the feed title', async () => {
    const { items } = await poll('/feeds/wire.rss.xml', { outlet: 'Test Wire' });
    expect(raw(items[1]).meta.outlet).toBe('Test Wire');
  });

  it("uses the feed's text when the page has no article (Atom) or is missing (JSON Feed)", async () => {
    const atom = await poll('/feeds/wire.atom.xml');
    expect(atom.items.map((i) => (i.outcome === 'article' ? i.body : i.outcome))).toEqual([
      'page',
      'page',
      'feed',
    ]);
    expect(atom.items[2]?.outcome === 'article' && atom.items[2].note).toMatch(
      /no-article\.html: the page has no readable article \(\d+ words of text, fewer than 40\); the feed's own text for it was used$/,
    );
    expect(raw(atom.items[2]).text).toMatch(/^GENEVA, June 7 \(Test Wire\) - A United Nations aid convoy/);
    const json = await poll('/feeds/wire.json');
    expect(json.items.map((i) => (i.outcome === 'article' ? i.body : i.outcome))).toEqual(['page', 'feed']);
    expect(json.items[1]?.outcome === 'article' && json.items[1].note).toContain(
      'the page could not be fetched (HTTP 404 Not Found)',
    );
  });

  it('fetches relative links against the feed address', async () => {
    const { items } = await poll('/feeds/relative.rss.xml');
    expect(raw(items[0]).meta.url).toBe(server.url('/news/sahel-convoy'));
    expect(server.requests('/pages/sahel-convoy.html')).toHaveLength(1);
  });

  it('reads an item carried by two feeds once: by guid and link before the page, by canonical URL after', async () => {
    const claim = claims();
    const first = await poll('/feeds/wire.rss.xml', { claim });
    const relative = await poll('/feeds/relative.rss.xml', { claim });
    const section = await poll('/feeds/section.rss.xml', { claim });
    expect([first.items[0]?.outcome, relative.items[0]?.outcome]).toEqual(['article', 'article']);
    // El Fasher: same guid, same link less its utm_ parameters → never fetched again.
    // Mopti: another guid and a ?ref= link → fetched, then known by its canonical URL.
    expect(section.items.map((i) => i.outcome)).toEqual(['seen', 'duplicate']);
    expect(server.requests('/pages/sudan-market.html')).toHaveLength(1);
  });

  it('costs nothing when the feed has not changed (304)', async () => {
    const first = await poll('/feeds/wire.rss.xml');
    if (first.result.status !== 'ok') throw new Error('expected the feed');
    server.hits.length = 0;
    const second = await poll('/feeds/wire.rss.xml', { validators: first.result.validators });
    expect(second.result.status).toBe('not-modified');
    expect(server.hits.map((h) => [h.path, h.status])).toEqual([['/feeds/wire.rss.xml', 304]]);
  });

  it('throws a FetchError for a feed it cannot have, and reads it once the server recovers', async () => {
    server.flakyFailures = 1;
    const failed = await poll('/flaky.xml').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(FetchError);
    expect((failed as FetchError).transient).toBe(true);
    const recovered = await poll('/flaky.xml');
    expect(recovered.items.filter((i) => i.outcome === 'article')).toHaveLength(3);
  });

  it.each([
    ['invalid XML', '/feeds/invalid.xml', 'not-a-feed'],
    ['a 20 MB answer', '/huge.xml', 'too-large'],
    ['a redirect loop', '/loop-a', 'redirect-loop'],
  ])('fails the feed on %s', async (_case, path, kind) => {
    const failed = await poll(path).catch((e: unknown) => e);
    expect((failed as FetchError).kind).toBe(kind);
  });

  it("waits for a page that timed out when the feed has no text for it, and uses the feed's when it has", async () => {
    server.stallMs = 3_000;
    server.route(
      '/feeds/slow-pages.xml',
      (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Slow pages</title>
<item><title>With text</title><link>${server.base}/slow.xml?a</link><description>Shelling killed two people in a village near the front line on Monday, officials said.</description></item>
<item><title>Without text</title><link>${server.base}/slow.xml?b</link></item>
</channel></rss>`),
    );
    const { items } = await poll('/feeds/slow-pages.xml');
    expect(items.map((i) => (i.outcome === 'article' ? i.body : i.outcome))).toEqual(['feed', 'deferred']);
    expect(items[1]?.outcome === 'deferred' && items[1].reason).toBe(
      'the page could not be fetched (no complete answer within 1 s)',
    );
  });

  it('leaves items past the per-poll limit for the next poll', async () => {
    const { items } = await poll('/feeds/wire.rss.xml', { limits: { ...limits, maxItems: 1 } });
    expect(items.map((i) => i.outcome)).toEqual(['article', 'deferred', 'deferred']);
  });

  it("gives the extractor the feed's date as trusted metadata", async () => {
    const { items } = await poll('/feeds/wire.rss.xml');
    const record = extractArticle(raw(items[1]));
    expect(record.headline).toBe('Drone strike wounds nine in Kharkiv');
    expect(record.publishedAt).toMatchObject({ date: '2025-06-10', basis: 'metadata', confidence: 1 });
    expect(record.outlet?.name).toBe('Test Wire - World');
    expect(record.url).toBe(server.url('/pages/kharkiv-strike.html'));
  });
});
