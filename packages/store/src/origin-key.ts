import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

type Identified = Pick<ExtractedArticle, 'origin' | 'contentHash'>;

/**
 * What "the same article" means on re-ingest, besides the same text: its external id, else the
 * file it alone fills (a .txt or .md file), else its text. A row of a CSV or JSON Lines file
 * without an id (it has a `line`) is known by its text alone: the file holds many articles, so
 * the file's path names none of them, and two such rows must never fold into one.
 */
export function originKey(record: Identified): string {
  if (record.origin.externalId) return `ext:${record.origin.externalId}`;
  if (record.origin.path && record.origin.line === undefined) return `path:${record.origin.path}`;
  return `hash:${record.contentHash}`;
}

/**
 * The origins an article may have been stored under before, besides its own: a file that now
 * gives an id in its front matter was stored under its path until then, and that article is
 * the one the id now names (not a second copy beside it).
 */
export function formerOriginKeys(record: Identified): string[] {
  const { path, externalId, line } = record.origin;
  return externalId && path && line === undefined ? [`path:${path}`] : [];
}

/**
 * What the source said about the article beside its text — headline, outlet, address,
 * publication date, language, hints and external id, as extraction made them of the metadata.
 * The same text arriving with other metadata (front matter added, a feed's date or outlet) is
 * the stored article improved, so it is replaced and what depends on it is derived again. Where
 * the file sits and on which line are left out: moving a file or a row says nothing new.
 */
export function metadataKey(
  article: Pick<
    ExtractedArticle,
    'headline' | 'outlet' | 'url' | 'publishedAt' | 'language' | 'hints' | 'origin'
  >,
): string {
  return JSON.stringify(
    sortedKeys([
      article.headline,
      article.outlet,
      article.url,
      article.publishedAt,
      article.language,
      article.hints,
      article.origin.externalId ?? null,
    ]),
  );
}

/** Objects with their keys in one order, so a record read back compares equal to the one written. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortedKeys(v);
  }
  return out;
}
