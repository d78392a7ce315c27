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
  const lines = page.byline && !startsWith(page.paragraphs, page.byline) ? [byline(page.byline)] : [];
  return rawArticle(entry, feed, [...lines, ...page.paragraphs], {
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
  const lines = entry.author && !startsWith(paragraphs, entry.author) ? [byline(entry.author)] : [];
  return rawArticle(entry, feed, [...lines, ...paragraphs], {
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
    // Paragraphs as blank-line separated lines: the layout reader's own unit.
    text: `${paragraphs.join('\n\n')}\n`,
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

function byline(name: string): string {
  return /^by\s/i.test(name) ? name : `By ${name}`;
}

function startsWith(paragraphs: string[], name: string): boolean {
  return paragraphs.slice(0, 3).some((p) => p.includes(name));
}
