import { extractArticle as extract } from '@sitrep/extract/extract-article';
import { rawArticleFromText } from '@sitrep/extract/read';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { IngestInput } from './context.ts';

/**
 * @sitrep/extract for one API request. What the caller states (url, outlet, publication day)
 * is metadata, as front matter would be; the URL doubles as the origin, so posting a corrected
 * text for the same URL replaces the earlier version instead of adding a second article.
 */
export function extractArticle(input: IngestInput): ExtractedArticle {
  const origin = input.url ? { externalId: input.url } : {};
  const { raw } = rawArticleFromText(input.text, origin, 'ingestArticle input.text');
  if (input.url) raw.meta.url = input.url;
  if (input.outlet) raw.meta.outlet = input.outlet;
  if (input.publishedAt) raw.meta.publishedAt = input.publishedAt;
  return extract(raw);
}
