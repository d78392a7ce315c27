import { describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch/fetch-error.ts';
import { parseFeedDate } from '../src/parse/feed-date.ts';
import { readFeed } from '../src/parse/read-feed.ts';
import { FixtureServer } from './fixture-server.ts';

const fixtures = new FixtureServer();
fixtures.base = 'http://127.0.0.1:8099';
const at = (path: string) => `${fixtures.base}${path}`;
const read = (name: string) => readFeed(fixtures.fixture(`feeds/${name}`), at(`/feeds/${name}`));

describe('readFeed', () => {
  it('reads RSS 2.0: link, guid, date in its own offset, the feed text as fallback content', () => {
    const feed = read('wire.rss.xml');
    expect([feed.format, feed.title, feed.language]).toEqual(['rss', 'Test Wire - World', 'en']);
    expect(feed.entries.map((e) => [e.guid, e.url, e.published?.day])).toEqual([
      ['tw-1001', at('/pages/sudan-market.html?utm_source=rss&utm_medium=feed'), '2025-06-10'],
      ['tw-1002', at('/pages/kharkiv-strike.html'), '2025-06-10'],
      ['tw-1003', null, '2025-06-09'],
    ]);
    expect(feed.entries[0]?.published?.instant).toBe('2025-06-10T20:40:00.000Z');
    expect(feed.entries[2]).toMatchObject({ author: 'Dawit Test', content: { kind: 'html' } });
    expect(feed.entries[2]?.content?.value).toContain('<p>MEKELLE, Ethiopia, June 9 (Test Wire)');
  });

  it('reads Atom: the alternate link against xml:base, html titles as text, published before updated', () => {
    const feed = read('wire.atom.xml');
    expect([feed.format, feed.title, feed.language]).toEqual(['atom', 'Test Wire - Americas and Asia', 'en']);
    expect(feed.entries.map((e) => [e.guid, e.url, e.title, e.published?.day])).toEqual([
      [
        'tag:testwire.example,2025:haiti-1',
        at('/pages/haiti-gangs.html'),
        'Gang attack displaces hundreds near Port-au-Prince',
        '2025-06-08',
      ],
      [
        'tag:testwire.example,2025:myanmar-1',
        at('/pages/myanmar-airstrike.html'),
        'Air strike on village kills eleven in Sagaing region',
        '2025-06-06',
      ],
      [
        'tag:testwire.example,2025:signin-1',
        at('/pages/no-article.html'),
        'Aid convoy reaches besieged town, UN says',
        '2025-06-07',
      ],
    ]);
    expect(feed.entries[2]?.content).toMatchObject({ kind: 'html' });
  });

  it('reads JSON Feed: url, content_text or content_html, authors', () => {
    const feed = read('wire.json');
    expect([feed.format, feed.title]).toEqual(['json', 'Test Wire - Latin America']);
    expect(feed.entries.map((e) => [e.guid, e.url, e.published?.day, e.content?.kind, e.author])).toEqual([
      ['tw-json-2001', at('/pages/colombia-talks.html'), '2025-06-05', 'text', null],
      ['tw-json-2002', at('/pages/missing.html'), '2025-06-04', 'html', 'Test Desk'],
    ]);
  });

  it('resolves relative links against the address the feed was fetched from', () => {
    const feed = read('relative.rss.xml');
    expect(feed.entries[0]?.url).toBe(at('/pages/sahel-convoy.html'));
  });

  it.each([
    [
      'XML that is not well-formed',
      'feeds/invalid.xml',
      /^cannot be read as a feed \(.+\); check the URL points at the feed itself$/,
    ],
    [
      'an HTML page',
      'pages/no-article.html',
      /^is not RSS, Atom or JSON Feed \(it starts "<!doctype html> <html lang="en">.*"\); check the URL points at the feed itself$/,
    ],
  ])('refuses %s as not a feed', (_case, name, message) => {
    const error = (() => {
      try {
        readFeed(fixtures.fixture(name), at(`/${name}`));
      } catch (e) {
        return e;
      }
    })() as FetchError;
    expect(error).toBeInstanceOf(FetchError);
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toMatch(message);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2025 23:40:00 +0300', '2025-06-10', '2025-06-10T20:40:00.000Z'],
    ['Wed, 11 Jun 2025 01:10:00 +0300', '2025-06-11', '2025-06-10T22:10:00.000Z'],
    ['Tue, 10 Jun 2025 21:00:00 EDT', '2025-06-10', '2025-06-11T01:00:00.000Z'],
    ['Tue, 10 Jun 2025 19:30:00 GMT', '2025-06-10', '2025-06-10T19:30:00.000Z'],
    ['2025-06-08T18:00:00-04:00', '2025-06-08', '2025-06-08T22:00:00.000Z'],
    ['2025-06-06T23:00:00+06:30', '2025-06-06', '2025-06-06T16:30:00.000Z'],
    ['2025-06-10T07:00:00Z', '2025-06-10', '2025-06-10T07:00:00.000Z'],
    ['2025-06-10', '2025-06-10', '2025-06-10T00:00:00.000Z'],
  ])('reads %s as the day %s where it was written', (value, day, instant) => {
    expect(parseFeedDate(value)).toEqual({ day, instant });
  });

  it.each([[''], ['yesterday'], ['Tue, 99 Foo 2025'], ['0001-01-01T00:00:00Z'], [null]])(
    'gives null for %s, not a guess',
    (value) => {
      expect(parseFeedDate(value)).toBeNull();
    },
  );
});
