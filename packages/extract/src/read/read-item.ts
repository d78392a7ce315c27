import type { BadInputError } from '@sitrep/schema/errors';
import type { RawArticle } from './raw-article.ts';

/** What a reader yields: an article, or one problem that names the file (and line). */
export type ReadItem =
  | { ok: true; raw: RawArticle; warnings?: string[] }
  | { ok: false; error: BadInputError };
