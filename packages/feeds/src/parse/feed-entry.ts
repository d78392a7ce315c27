import type { FeedDate } from './feed-date.ts';

/** One item of a feed, whatever its format, in the shape the watcher needs. */
export interface FeedEntry {
  /** the item's own id (RSS guid, Atom id, JSON Feed id, RDF about), as written */
  guid: string | null;
  /** the article page, absolute (relative links resolved against the feed) */
  url: string | null;
  /** plain text */
  title: string | null;
  published: FeedDate | null;
  author: string | null;
  /** the feed's own text for the item, the fallback when the page cannot be read */
  content: { kind: 'html' | 'text'; value: string } | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  language: string | null;
  entries: FeedEntry[];
}
