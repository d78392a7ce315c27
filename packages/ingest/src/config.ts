import { ConfigError } from '@sitrep/schema/errors';

/** What the ingest pipeline may be told by whoever runs it (`sitrep ingest`, the API, a feed watcher). */
export interface IngestConfig {
  /**
   * Longest article text extraction accepts, in bytes of UTF-8 (front matter included). Extraction
   * grows faster than the text (a 4.9 MB "article" took 36 s and 1.4 GB and yielded 51,000
   * events), and no real news report comes near 200 KB (FA-KES's longest is under 9 KB), so a text
   * over the limit is refused with BAD_INPUT naming it and the limit; the rest is ingested.
   */
  maxArticleBytes: number;
}

export const DEFAULT_MAX_ARTICLE_KB = 200;
const MAX_KB = 5 * 1024;

/**
 * The pipeline's settings from the environment: `SITREP_MAX_ARTICLE_KB` (default 200, at most
 * 5120 — the size above which a file is refused before it is even read). The only place in the
 * package that reads `process.env`; a program passes what it reads here to `ingest()`.
 */
export function loadIngestConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IngestConfig {
  const raw = env.SITREP_MAX_ARTICLE_KB?.trim();
  if (!raw) return { maxArticleBytes: DEFAULT_MAX_ARTICLE_KB * 1024 };
  const kb = Number(raw);
  if (!Number.isInteger(kb) || kb < 1 || kb > MAX_KB)
    throw new ConfigError(
      'SITREP_MAX_ARTICLE_KB',
      `"${raw}" is not a whole number of kilobytes from 1 to ${MAX_KB}; unset it for ${DEFAULT_MAX_ARTICLE_KB}.`,
    );
  return { maxArticleBytes: kb * 1024 };
}

/** The settings a program gets when it reads no environment (tests, library callers). */
export function defaultIngestConfig(): IngestConfig {
  return { maxArticleBytes: DEFAULT_MAX_ARTICLE_KB * 1024 };
}
