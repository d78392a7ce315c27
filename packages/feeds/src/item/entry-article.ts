import type { RawArticle } from '@sitrep/extract/read';
import { htmlFragmentParagraphs } from '../page/html-paragraphs.ts';
import { languageTag, type PageArticle } from '../page/read-page.ts';
import type { FeedEntry } from '../parse/feed-entry.ts';
import { entryIdentity } from './dedup-keys.ts';

/** What the feed says about itself that each of its articles inherits. */
export interface FeedContext {
  feedUrl: string;
  /** the outlet as the desk named it (`--outlet`), else the feed's own title */
  outlet: string | null;
  language: string | null;
}

/**
 * An entry whose page was read → the article as the extractor reads it. The feed's title,
 * link, date and outlet are metadata, as front matter would be: they outrank whatever the
 * extractor would infer from the text, and many texts carry no date of their own. The page's
 * own metadata fills only what the feed left out.
 */
export function articleFromPage(
  entry: FeedEntry,
  feed: FeedContext,
  page: PageArticle,
  pageUrl: string,
): RawArticle {
  const url = page.canonicalUrl ?? pageUrl;
  return rawArticle(entry, feed, withByline(page.paragraphs, page.byline), {
    url,
    headline: entry.title ?? page.title,
    publishedAt: entry.published?.day ?? page.published?.day ?? null,
    language: page.language ?? feed.language,
  });
}

/**
 * An entry whose page could not be read (none linked, none reachable, no article on it) → the
 * article from the feed's own text for it, or null when the feed carries none either.
 */
export function articleFromFeed(entry: FeedEntry, feed: FeedContext): RawArticle | null {
  if (!entry.content) return null;
  const paragraphs =
    entry.content.kind === 'html'
      ? htmlFragmentParagraphs(entry.content.value)
      : entry.content.value
          .split(/\r?\n\s*\r?\n/)
          .map((p) => p.trim())
          .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return rawArticle(entry, feed, withByline(paragraphs, entry.author), {
    url: entry.url,
    headline: entry.title,
    publishedAt: entry.published?.day ?? null,
    language: feed.language,
  });
}

function rawArticle(
  entry: FeedEntry,
  feed: FeedContext,
  paragraphs: string[],
  meta: { url: string | null; headline: string | null; publishedAt: string | null; language: string | null },
): RawArticle {
  return {
    text: articleText(paragraphs),
    bodyStart: 0,
    origin: { externalId: entryIdentity(entry, meta.url, feed.feedUrl) },
    meta: {
      headline: meta.headline,
      outlet: feed.outlet,
      publishedAt: meta.publishedAt,
      url: meta.url,
      language: languageTag(meta.language),
    },
    hints: { publishedAt: null, location: null, label: null },
  };
}

/** Paragraphs as blank-line separated lines: the unit the extractor's layout reader works in. */
export function articleText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

/** The byline as the first line, as print has it, unless the text already carries it. */
export function withByline(paragraphs: readonly string[], name: string | null): string[] {
  if (!name || paragraphs.slice(0, 3).some((p) => p.includes(name))) return [...paragraphs];
  return [/^by\s/i.test(name) ? name : `By ${name}`, ...paragraphs];
}
