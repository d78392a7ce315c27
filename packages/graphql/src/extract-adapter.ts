import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { IngestInput } from './context.ts';

type Extract = (
  text: string,
  options?: Record<string, unknown>,
) => ExtractedArticle | Promise<ExtractedArticle>;

/**
 * @sitrep/extract for one API request: the caller's url, outlet and date go in as source hints.
 * Loaded by name so this package type-checks while extract-article.ts is still being written.
 */
export async function extractArticle(input: IngestInput): Promise<ExtractedArticle> {
  const specifier = '@sitrep/extract/extract-article';
  const { extractArticle: extract } = (await import(specifier)) as { extractArticle: Extract };
  return extract(input.text, {
    origin: {},
    hints: { publishedAt: input.publishedAt, location: null, label: null },
    url: input.url,
    outlet: input.outlet,
  });
}
