import type { Kysely } from 'kysely';

/**
 * Migration 0006: which extractor version made each stored article (@sitrep/extract's
 * EXTRACTOR_VERSION). Rows stored before it hold NULL, "not known": ingest replaces such an
 * article, like one stored by an older version, when a versioned extraction of the same text
 * from the same origin arrives.
 */
export async function extractorVersion(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('extractor_version', 'integer').execute();
}
