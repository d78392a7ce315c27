import { describe, expect, it } from 'vitest';
import { guidKey, urlKey } from '../src/item/dedup-keys.ts';
import { readOpml } from '../src/parse/read-opml.ts';
import { afterFailure, afterSuccess, MAX_BACKOFF_MS } from '../src/poll/backoff.ts';
import { formatInterval, parseInterval } from '../src/poll/parse-interval.ts';
import { FixtureServer } from './fixture-server.ts';

const MIN = 60_000;

describe('the schedule', () => {
  it('polls again one interval after a success, and forgets the failures', () => {
    expect(afterSuccess(0, 10 * MIN)).toEqual({ failures: 0, nextPollAt: 10 * MIN, lastError: null });
  });

  it.each([
    [0, 20 * MIN],
    [1, 40 * MIN],
    [2, 80 * MIN],
    [20, MAX_BACKOFF_MS],
  ])('after %i failures in a row, the next failure waits %i ms', (previous, wait) => {
    expect(afterFailure(0, 10 * MIN, { failures: previous }, { message: 'HTTP 503' })).toEqual({
      failures: previous + 1,
      nextPollAt: wait,
      lastError: 'HTTP 503',
    });
  });

  it("waits as long as the server's Retry-After asks, when that is longer", () => {
    expect(
      afterFailure(0, 10 * MIN, { failures: 0 }, { message: 'HTTP 429', retryAfter: 3600 }).nextPollAt,
    ).toBe(60 * MIN);
  });

  it.each([
    ['10m', 10 * MIN, '10m'],
    ['1h30m', 90 * MIN, '1h30m'],
    ['2h', 120 * MIN, '2h'],
    [' 90s ', 90_000, '1m30s'],
  ])('reads the interval %s', (text, ms, printed) => {
    expect(parseInterval(text)).toBe(ms);
    expect(formatInterval(ms)).toBe(printed);
  });

  it.each([
    ['10', 'is not an interval; write e.g. 10m, 1h or 1h30m'],
    ['ten minutes', 'is not an interval; write e.g. 10m, 1h or 1h30m'],
    ['30s', 'is shorter than the 1m minimum; poll at most once a minute'],
    ['8d', 'is longer than the 7d maximum'],
  ])('refuses the interval %s', (text, reason) => {
    expect(() => parseInterval(text)).toThrow(`--every: "${text}" ${reason}`);
  });
});

describe('dedup keys', () => {
  it.each([
    ['https://Example.org/a?utm_source=rss&id=7#top', 'url:example.org/a?id=7'],
    ['http://example.org/a?id=7&fbclid=x', 'url:example.org/a?id=7'],
    ['https://example.org:8443/a?b=2&a=1', 'url:example.org:8443/a?a=1&b=2'],
    ['ftp://example.org/a', null],
  ])('%s is known as %s', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });

  it.each([
    ['48213', 'https://a.test/rss', 'guid:a.test/48213'],
    ['48213', 'https://b.test/feed', 'guid:b.test/48213'],
    ['tag:a.test,2025:1', 'https://b.test/feed', 'guid:tag:a.test,2025:1'],
    ['https://a.test/story?utm_medium=x', 'https://b.test/feed', 'url:a.test/story'],
  ])('guid %s in %s is known as %s', (guid, feed, key) => {
    expect(guidKey(guid, feed)).toBe(key);
  });
});

describe('readOpml', () => {
  it('lists each feed once with its outline title, and reports an outline that is no URL', () => {
    const fixtures = new FixtureServer();
    fixtures.base = 'https://desk.test';
    const { feeds, problems } = readOpml(fixtures.fixture('feeds/subscriptions.opml'), 'desk.opml');
    expect(feeds).toEqual([
      { url: 'https://desk.test/feeds/wire.rss.xml', outlet: 'Test Wire' },
      { url: 'https://desk.test/feeds/wire.atom.xml', outlet: 'Test Wire Americas' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'desk.opml: outline "Bad address" has xmlUrl "not a url", which is not an http(s) URL; it was skipped',
    ]);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => readOpml('<rss version="2.0"></rss>', 'x.opml')).toThrow(/^x\.opml: /);
  });
});
