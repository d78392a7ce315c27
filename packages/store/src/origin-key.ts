import type { ExtractedArticle } from '@sitrep/schema/extracted-article';

/** What "the same article" means on re-ingest: its external id, else its file, else its text. */
export function originKey(record: Pick<ExtractedArticle, 'origin' | 'contentHash'>): string {
  if (record.origin.externalId) return `ext:${record.origin.externalId}`;
  if (record.origin.path) return `path:${record.origin.path}`;
  return `hash:${record.contentHash}`;
}
