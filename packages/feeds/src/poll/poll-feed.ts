import type { ReadItem } from '@sitrep/extract/read';
import { BadInputError } from '@sitrep/schema/errors';
import { decodeBody } from '../fetch/decode-body.ts';
import { FetchError } from '../fetch/fetch-error.ts';
import type { HttpFetcher, Validators } from '../fetch/http-fetcher.ts';
import { entryKeys, urlKey } from '../item/dedup-keys.ts';
import { articleFromFeed, articleFromPage, type FeedContext } from '../item/entry-article.ts';
import { countWords, type ReadPageOptions, readPage } from '../page/read-page.ts';
import type { FeedEntry, ParsedFeed } from '../parse/feed-entry.ts';
import { readFeed } from '../parse/read-feed.ts';

export interface FeedToPoll {
  url: string;
  /** the outlet the desk named for this feed; the feed's own title otherwise */
  outlet: string | null;
  validators: Validators | null;
}

export interface PollLimits {
  feedBytes: number;
  pageBytes: number;
  /** new items read per poll; the rest wait for the next poll */
  maxItems: number;
  read: ReadPageOptions;
}

export interface PollDeps {
  fetcher: HttpFetcher;
  limits: PollLimits;
  /**
   * True when none of the keys is known (stored, or claimed earlier in this run), and claims
   * them; false for an item seen before — in this feed, another feed, or this very run.
   */
  claim(keys: readonly string[]): boolean | Promise<boolean>;
}

/** What became of one entry. Only `article` and `failed` go on to the ingest pipeline. */
export type PolledItem =
  | {
      outcome: 'article' | 'failed';
      keys: string[];
      input: ReadItem;
      body: 'page' | 'feed' | null;
      note: string | null;
    }
  | { outcome: 'seen' | 'duplicate'; keys: string[] }
  /** not read now (a page that did not answer and no feed text, or over the per-poll limit) */
  | { outcome: 'deferred'; keys: string[]; reason: string };

export type FeedPoll =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok';
      url: string;
      feed: ParsedFeed;
      validators: Validators;
      movedTo: string | null;
      /** entries, read lazily: each new one costs a page request as it is pulled */
      items: AsyncGenerator<PolledItem>;
    };

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * One poll of one feed: a conditional GET (a 304 ends it at once), the feed read, and its new
 * entries turned into articles one by one. Throws a FetchError when the feed itself cannot be
 * had; a bad page only changes its own item.
 */
export async function pollFeed(feed: FeedToPoll, deps: PollDeps): Promise<FeedPoll> {
  const fetched = await deps.fetcher.fetch(feed.url, {
    accept: FEED_ACCEPT,
    maxBytes: deps.limits.feedBytes,
    validators: feed.validators,
  });
  if (fetched.status === 'not-modified') return { status: 'not-modified', url: fetched.url };
  const parsed = readFeed(decodeBody(fetched.body, fetched.contentType), fetched.url);
  const context: FeedContext = {
    feedUrl: fetched.url,
    outlet: feed.outlet ?? parsed.title,
    language: parsed.language,
  };
  return {
    status: 'ok',
    url: fetched.url,
    feed: parsed,
    validators: fetched.validators,
    movedTo: fetched.movedTo,
    items: entries(parsed.entries, context, deps),
  };
}

async function* entries(list: FeedEntry[], context: FeedContext, deps: PollDeps): AsyncGenerator<PolledItem> {
  let read = 0;
  for (const entry of list) {
    const keys = entryKeys(entry, context.feedUrl);
    if (read >= deps.limits.maxItems) {
      yield { outcome: 'deferred', keys, reason: `more than ${deps.limits.maxItems} new items in one poll` };
      continue;
    }
    if (keys.length > 0 && !(await deps.claim(keys))) {
      yield { outcome: 'seen', keys };
      continue;
    }
    read++;
    yield await entryItem(entry, keys, context, deps);
  }
}

async function entryItem(
  entry: FeedEntry,
  keys: string[],
  context: FeedContext,
  deps: PollDeps,
): Promise<PolledItem> {
  const name = entry.url ?? entry.guid ?? entry.title ?? context.feedUrl;
  let why: string;
  let transient = false;
  if (!entry.url) why = 'the item links no page';
  else {
    try {
      const page = await deps.fetcher.fetch(entry.url, {
        accept: PAGE_ACCEPT,
        maxBytes: deps.limits.pageBytes,
      });
      if (page.status !== 'ok') throw new Error('a page fetched without validators cannot be "not modified"');
      if (!/html|^$/i.test(page.contentType?.split(';')[0] ?? ''))
        throw new FetchError('not-html', page.url, `the page is ${page.contentType}, not HTML`);
      const reading = readPage(decodeBody(page.body, page.contentType), page.url, deps.limits.read);
      if (reading.ok) {
        const extra = [page.url, reading.article.canonicalUrl]
          .map((u) => (u ? urlKey(u) : null))
          .filter((k): k is string => k !== null && !keys.includes(k));
        if (extra.length > 0 && !(await deps.claim(extra)))
          return { outcome: 'duplicate', keys: [...keys, ...extra] };
        const allKeys = [...keys, ...extra];
        const feedWords = feedTextWords(entry);
        if (feedWords <= reading.article.words) {
          const raw = articleFromPage(entry, context, reading.article, page.url);
          return { outcome: 'article', keys: allKeys, input: { ok: true, raw }, body: 'page', note: null };
        }
        why = `the page's text (${reading.article.words} words) is shorter than the feed's (${feedWords})`;
      } else why = reading.reason;
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      transient = error.transient;
      why = `the page could not be fetched (${error.message})`;
    }
  }
  const raw = articleFromFeed(entry, context);
  if (raw) {
    const note = `${name}: ${why}; the feed's own text for it was used`;
    return { outcome: 'article', keys, input: { ok: true, raw, warnings: [note] }, body: 'feed', note };
  }
  // A page that may answer next time is worth waiting for; one that never will is recorded.
  if (transient) return { outcome: 'deferred', keys, reason: why };
  const error = new BadInputError(name, `${why}, and the feed carries no text for it; nothing to extract`);
  return { outcome: 'failed', keys, input: { ok: false, error }, body: null, note: error.message };
}

function feedTextWords(entry: FeedEntry): number {
  if (!entry.content) return 0;
  const text =
    entry.content.kind === 'html' ? entry.content.value.replace(/<[^>]*>/g, ' ') : entry.content.value;
  return countWords(text);
}
