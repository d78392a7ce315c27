import type { FeedEntry } from '../parse/feed-entry.ts';

/** Query parameters that only say where a reader clicked from, never which article it is. */
const TRACKING =
  /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ocid|cmpid)$/i;

/**
 * One article's URL as a dedup key: scheme-blind (the http and https copies are one page),
 * host lower-cased, default port, fragment and tracking parameters dropped, the other
 * parameters sorted. Only for comparing; the URL stored on the article is the one given.
 */
export function urlKey(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = url.port ? `:${url.port}` : '';
  return `url:${url.hostname.toLowerCase()}${port}${url.pathname}${query}`;
}

/**
 * A guid as a dedup key. One that is a URI ("tag:…", "urn:…", "https://…") names the item
 * everywhere; a bare one ("48213") is only unique within its publisher, so it is scoped by the
 * feed's host: the same outlet's section feeds share it, another outlet's "48213" does not.
 */
export function guidKey(guid: string, feedUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(guid))
    return /^https?:/i.test(guid) ? (urlKey(guid) ?? `guid:${guid}`) : `guid:${guid}`;
  let host = feedUrl;
  try {
    host = new URL(feedUrl).hostname.toLowerCase();
  } catch {}
  return `guid:${host}/${guid}`;
}

/** Every key the entry is known by before its page is fetched. */
export function entryKeys(entry: FeedEntry, feedUrl: string): string[] {
  const keys = new Set<string>();
  if (entry.guid) keys.add(guidKey(entry.guid, feedUrl));
  const link = entry.url ? urlKey(entry.url) : null;
  if (link) keys.add(link);
  return [...keys];
}

/**
 * The article's origin id in the store: its URL, so the same page reached from two feeds, or
 * posted through `ingestArticle` with that URL, is one article that a later text replaces. An
 * item without a page is named by its guid key, and one without either by its title and date.
 */
export function entryIdentity(entry: FeedEntry, url: string | null, feedUrl: string): string {
  if (url) return url;
  if (entry.guid) return guidKey(entry.guid, feedUrl);
  return `${feedUrl}#${entry.published?.instant ?? ''}#${entry.title ?? ''}`;
}
