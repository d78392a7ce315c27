import { MetadataError, type RawArticle, rawArticleFromText, urlField } from '@sitrep/extract/read';
import { BadInputError } from '@sitrep/schema/errors';

/** One article sent by a program (the API's `ingestArticle`): the text and what the caller knows about it. */
export interface ArticleInput {
  text: string;
  url: string | null;
  outlet: string | null;
  /** YYYY-MM-DD as the caller states it; the text's own date is read when it is null */
  publishedAt: string | null;
}

/**
 * The article as the pipeline reads it. What the caller states (url, outlet, publication day)
 * is metadata, as front matter would be; the URL doubles as the origin, so posting a corrected
 * text for the same URL replaces the earlier version instead of adding a second article.
 * `source` names the input in messages (e.g. "ingestArticle input.text").
 */
export function rawArticleFromInput(
  input: ArticleInput,
  source: string,
): { raw: RawArticle; warnings: string[] } {
  let url: string | null;
  try {
    url = urlField(input.url, 'url');
  } catch (error) {
    if (error instanceof MetadataError)
      throw new BadInputError(source.replace(/\.text$/, '.url'), error.message);
    throw error;
  }
  const origin = url ? { externalId: url } : {};
  const { raw, warnings } = rawArticleFromText(input.text, origin, source);
  if (url) raw.meta.url = url;
  if (input.outlet) raw.meta.outlet = input.outlet;
  if (input.publishedAt) raw.meta.publishedAt = input.publishedAt;
  return { raw, warnings };
}
