import {
  type AnyFeed,
  type AtomFeed,
  DetectError,
  type JsonFeed,
  parseFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { FetchError } from '../fetch/fetch-error.ts';
import { plainText } from '../page/html-paragraphs.ts';
import { parseFeedDate } from './feed-date.ts';
import type { FeedEntry, ParsedFeed } from './feed-entry.ts';

/**
 * A feed's text (RSS 2.0/0.9x, RSS 1.0 RDF, Atom 1.0 or JSON Feed 1.x) → its entries, with
 * links made absolute against the feed's own URL (or its xml:base) and dates read in their
 * stated offset. Anything that is not one of those formats, or XML that is not well-formed,
 * fails with a `not-a-feed` error naming the URL.
 */
export function readFeed(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text);
  } catch (error) {
    const detail =
      error instanceof DetectError
        ? `is not RSS, Atom or JSON Feed (it starts "${text.trim().slice(0, 40).replace(/\s+/g, ' ')}")`
        : `cannot be read as a feed (${(error as Error).message})`;
    throw new FetchError('not-a-feed', feedUrl, `${detail}; check the URL points at the feed itself`, {
      cause: error,
    });
  }
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, feedUrl);
    case 'rdf':
      return fromRdf(parsed.feed, feedUrl);
    case 'atom':
      return fromAtom(parsed.feed, feedUrl);
    case 'json':
      return fromJson(parsed.feed, feedUrl);
  }
}

function fromRss(feed: RssFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const base = baseOf(feed.xml?.base, feedUrl);
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const guid = text(item.guid?.value);
    // A guid is the page's address unless it says isPermaLink="false" (RSS 2.0's default is true).
    const permalink = guid && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null;
    return {
      guid,
      url: absolute(item.link ?? permalink, base),
      title: title(item.title),
      published: parseFeedDate(item.pubDate ?? item.dc?.dates?.[0]),
      author: text(item.authors?.[0]?.name ?? item.dc?.creators?.[0]),
      content: html(item.content?.encoded ?? item.description),
    };
  });
  return { format: 'rss', title: title(feed.title), language: text(feed.language), entries };
}

function fromRdf(feed: RdfFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const base = baseOf(feed.xml?.base, feedUrl);
  const entries = (feed.items ?? []).map(
    (item): FeedEntry => ({
      guid: text(item.rdf?.about),
      url: absolute(item.link, base),
      title: title(item.title),
      published: parseFeedDate(item.dc?.dates?.[0]),
      author: text(item.dc?.creators?.[0]),
      content: html(item.content?.encoded ?? item.description),
    }),
  );
  return { format: 'rdf', title: title(feed.title), language: text(feed.dc?.languages?.[0]), entries };
}

function fromAtom(feed: AtomFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const feedBase = baseOf(feed.xml?.base, feedUrl);
  const entries = (feed.entries ?? []).map((entry): FeedEntry => {
    const base = baseOf(entry.xml?.base, feedBase);
    const links = entry.links ?? [];
    const page =
      links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || /html/i.test(l.type))) ??
      links.find((l) => (l.rel ?? 'alternate') === 'alternate');
    const body = entry.content?.src ? null : (entry.content ?? entry.summary);
    return {
      guid: text(entry.id),
      url: absolute(page?.href, base),
      title: atomText(entry.title),
      published: parseFeedDate(entry.published ?? entry.updated),
      author: text(entry.authors?.[0]?.name),
      content: body?.value
        ? { kind: body.type === 'text' || !body.type ? 'text' : 'html', value: body.value }
        : null,
    };
  });
  return {
    format: 'atom',
    title: atomText(feed.title),
    language: text(feed.xml?.lang),
    entries,
  };
}

function fromJson(feed: JsonFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const entries = (feed.items ?? []).map(
    (item): FeedEntry => ({
      guid: text(item.id),
      url: absolute(item.url ?? item.external_url, feedUrl),
      title: title(item.title),
      published: parseFeedDate(item.date_published ?? item.date_modified),
      author: text(item.authors?.[0]?.name),
      content: item.content_html
        ? { kind: 'html', value: item.content_html }
        : item.content_text || item.summary
          ? { kind: 'text', value: (item.content_text || item.summary) as string }
          : null,
    }),
  );
  return { format: 'json', title: title(feed.title), language: text(feed.language), entries };
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const out = String(value).trim();
  return out === '' ? null : out;
}

function title(value: string | undefined): string | null {
  const raw = text(value);
  return raw === null ? null : text(plainText(raw));
}

function atomText(value: AtomFeed.Text | undefined): string | null {
  if (!value?.value) return null;
  return value.type === 'html' || value.type === 'xhtml' ? text(plainText(value.value)) : text(value.value);
}

/** RSS descriptions are HTML by convention, often escaped twice; the reader handles both. */
function html(value: string | undefined): FeedEntry['content'] {
  const raw = text(value);
  return raw === null ? null : { kind: 'html', value: raw };
}

function baseOf(declared: string | undefined, fallback: string): string {
  if (!declared) return fallback;
  try {
    return new URL(declared, fallback).href;
  } catch {
    return fallback;
  }
}

/** Absolute http(s) URL, or null: a link that cannot be resolved is no page to fetch. */
function absolute(link: string | undefined | null, base: string): string | null {
  const raw = text(link);
  if (raw === null) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
