import { readFile } from 'node:fs/promises';
import type { ReadItem } from '@sitrep/extract/read';
import { BadInputError } from '@sitrep/schema/errors';
import { decodeBody } from '../fetch/decode-body.ts';
import { articleText, withByline } from '../item/entry-article.ts';
import { readPage } from './read-page.ts';

/** A saved page over this size is refused unread, as the watcher refuses a fetched one. */
const MAX_PAGE_BYTES = 5 * 1048576;

/**
 * A saved web page (`sitrep ingest page.html`) → its article through the same Readability path
 * as a fetched page. The page's own metadata (title, canonical URL, publication time, language)
 * is the article's; the file is its origin, as for any file.
 */
export async function* readHtmlFile(file: string, source: string): AsyncGenerator<ReadItem> {
  const bytes = await readFile(file);
  if (bytes.byteLength > MAX_PAGE_BYTES)
    throw new BadInputError(
      source,
      `${(bytes.byteLength / 1048576).toFixed(1)} MB is too large for one saved page (limit 5 MB)`,
    );
  const html = decodeBody(bytes, null);
  const reading = readPage(html, null);
  if (!reading.ok)
    throw new BadInputError(source, `${reading.reason}; save the article's own page, or its text as .txt`);
  const { article } = reading;
  yield {
    ok: true,
    raw: {
      text: articleText(withByline(article.paragraphs, article.byline)),
      bodyStart: 0,
      origin: { path: source },
      meta: {
        headline: article.title,
        outlet: article.siteName,
        publishedAt: article.published?.day ?? null,
        url: article.canonicalUrl,
        language: article.language,
      },
      hints: { publishedAt: null, location: null, label: null },
    },
  };
}
