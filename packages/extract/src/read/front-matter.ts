import { createRequire } from 'node:module';
import type { Origin } from '@sitrep/schema/article';
import { BadInputError } from '@sitrep/schema/errors';
import {
  emptyHints,
  emptyMeta,
  MetadataError,
  publishedAtField,
  type RawArticle,
  textField,
  urlField,
} from './raw-article.ts';

// yaml costs ≈ 0.1 s to load and only front matter needs it: loaded on the first file that has some
const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | null = null;
const parse = (
  text: string,
  options: import('yaml').ParseOptions & import('yaml').SchemaOptions,
): unknown => {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml.parse(text, options);
};

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KNOWN = new Set([
  'url',
  'outlet',
  'publishedAt',
  'language',
  'externalId',
  'location',
  'headline',
  'label',
  // what static-site and note tools write (Jekyll, Hugo, Obsidian): the same facts under their names
  'title',
  'date',
]);

/**
 * A text file's content → RawArticle. YAML front matter between `---` lines overrides what
 * would be inferred; unknown keys are reported in `warnings` so a typo does not vanish.
 */
export function rawArticleFromText(
  text: string,
  origin: Origin,
  source = origin.path ?? 'text',
): { raw: RawArticle; warnings: string[] } {
  const meta = emptyMeta();
  const hints = emptyHints();
  const warnings: string[] = [];
  const match = FRONT_MATTER.exec(text);
  let bodyStart = 0;
  const out: Origin = { ...origin };
  if (match) {
    bodyStart = match[0].length;
    let data: unknown;
    try {
      data = parse(match[1] ?? '', { schema: 'core' });
    } catch (error) {
      throw new BadInputError(
        source,
        `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); fix it or remove the --- block`,
      );
    }
    if (data !== null && (typeof data !== 'object' || Array.isArray(data)))
      throw new BadInputError(source, 'front matter must be a YAML mapping of key: value lines');
    const record = (data ?? {}) as Record<string, unknown>;
    try {
      meta.url = urlField(record.url, 'front matter url');
      meta.outlet = textField(record.outlet, 'front matter outlet');
      meta.publishedAt = publishedAtField(
        record.publishedAt ?? record.date,
        `front matter ${record.publishedAt === undefined && record.date !== undefined ? 'date' : 'publishedAt'}`,
        source,
        warnings,
      );
      meta.language = textField(record.language, 'front matter language');
      meta.headline = textField(
        record.headline ?? record.title,
        `front matter ${record.headline === undefined && record.title !== undefined ? 'title' : 'headline'}`,
      );
      hints.location = textField(record.location, 'front matter location');
      hints.label = textField(record.label, 'front matter label');
      const externalId = textField(record.externalId, 'front matter externalId');
      if (externalId) out.externalId = externalId;
    } catch (error) {
      if (!(error instanceof MetadataError)) throw error;
      throw new BadInputError(source, `${error.message}; fix it or remove the key`);
    }
    for (const key of Object.keys(record))
      if (!KNOWN.has(key))
        warnings.push(`${source}: front matter key "${key}" is not used (known: ${[...KNOWN].join(', ')})`);
  }
  return { raw: { text, bodyStart, origin: out, meta, hints }, warnings };
}
