import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type FeedDate, parseFeedDate } from '../parse/feed-date.ts';
import { paragraphsOf } from './html-paragraphs.ts';

/** What Readability found on an article page. */
export interface PageArticle {
  title: string | null;
  byline: string | null;
  /** the page's declared language (`<html lang>`), when it declares one */
  language: string | null;
  /** the page's own publication metadata (article:published_time, JSON-LD) */
  published: FeedDate | null;
  /** `<link rel="canonical">`, absolute: the address the outlet itself calls the article's */
  canonicalUrl: string | null;
  /** the site's name as the page gives it (og:site_name) */
  siteName: string | null;
  paragraphs: string[];
  words: number;
}

export type PageReading = { ok: true; article: PageArticle } | { ok: false; reason: string };

export interface ReadPageOptions {
  /** fewer words than this is a teaser, a paywall or an index, not an article */
  minWords: number;
  /** Readability gives up on a document with more elements (a guard against pathological pages) */
  maxElements: number;
}

export const DEFAULT_READ_OPTIONS: ReadPageOptions = { minWords: 40, maxElements: 100_000 };

/**
 * An HTML page → its article text with Mozilla's Readability (Firefox Reader View) over a
 * linkedom DOM, or the reason there is none. The text keeps the page's paragraphs as lines.
 */
export function readPage(html: string, pageUrl: string | null, options = DEFAULT_READ_OPTIONS): PageReading {
  const { document } = parseHTML(html);
  // Read before Readability, which rewrites the document as it works.
  const canonicalUrl = canonicalOf(document, pageUrl);
  let result: ReturnType<Readability<unknown>['parse']>;
  try {
    result = new Readability<unknown>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      maxElemsToParse: options.maxElements,
      serializer: (node: unknown) => node,
    }).parse();
  } catch (error) {
    return { ok: false, reason: `Readability could not read the page (${(error as Error).message})` };
  }
  if (!result?.content) return { ok: false, reason: 'the page has no readable article' };
  const paragraphs = paragraphsOf(result.content as never);
  const words = paragraphs.reduce((n, p) => n + countWords(p), 0);
  if (words < options.minWords)
    return {
      ok: false,
      reason: `the page has no readable article (${words} words of text, fewer than ${options.minWords})`,
    };
  return {
    ok: true,
    article: {
      title: clean(result.title),
      byline: clean(result.byline),
      language: languageTag(result.lang),
      published: parseFeedDate(result.publishedTime),
      canonicalUrl,
      siteName: clean(result.siteName),
      paragraphs,
      words,
    },
  };
}

/** Resolved against `<base>` or the page's address; a saved page (no address) keeps only an absolute one. */
function canonicalOf(
  document: ReturnType<typeof parseHTML>['document'],
  pageUrl: string | null,
): string | null {
  const href = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const base = document.querySelector('base[href]')?.getAttribute('href');
  if (!href) return null;
  try {
    const url = base
      ? new URL(href, new URL(base, pageUrl ?? undefined))
      : new URL(href, pageUrl ?? undefined);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** Words in any script: runs of letters or digits (a CJK run counts as one, a floor, not a count). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** "en_GB" → "en-GB"; anything that is not a language tag is dropped rather than stored. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}
