import type { Origin } from '@sitrep/schema/article';
import { BadInputError } from '@sitrep/schema/errors';
import { parse } from 'yaml';
import { emptyHints, emptyMeta, field, type RawArticle } from './raw-article.ts';

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
    meta.url = field(record.url);
    meta.outlet = field(record.outlet);
    meta.publishedAt = publishedField(record.publishedAt);
    if (meta.publishedAt !== null && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(meta.publishedAt)) {
      warnings.push(
        `${source}: front matter publishedAt "${meta.publishedAt}" is not YYYY-MM-DD, YYYY-MM or YYYY; it is ignored`,
      );
      meta.publishedAt = null;
    }
    meta.language = field(record.language);
    meta.headline = field(record.headline);
    hints.location = field(record.location);
    hints.label = field(record.label);
    const externalId = field(record.externalId);
    if (externalId) out.externalId = externalId;
    for (const key of Object.keys(record))
      if (!KNOWN.has(key))
        warnings.push(`${source}: front matter key "${key}" is not used (known: ${[...KNOWN].join(', ')})`);
  }
  return { raw: { text, bodyStart, origin: out, meta, hints }, warnings };
}

/** YAML turns an unquoted 2016-12-09 into a Date; keep it as the calendar day written. */
function publishedField(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return field(value);
}
