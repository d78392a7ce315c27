import type { Origin } from '@sitrep/schema/article';

/** Metadata that came with the text (front matter, JSONL fields, CSV columns). */
export interface RawMeta {
  headline: string | null;
  /** outlet name or id as the source gave it */
  outlet: string | null;
  /** a trusted publication date (front matter, JSONL): YYYY-MM-DD, YYYY-MM or YYYY */
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

/** Hints a source gives beside the text: used, but never trusted over the text itself. */
export interface RawHints {
  /** a label such as FA-KES's `date` column (M/D/YYYY or ISO) */
  publishedAt: string | null;
  location: string | null;
  label: string | null;
}

/** One article as read, before any cleaning. */
export interface RawArticle {
  /** the text exactly as read (BOM removed); front matter, if any, is part of it */
  text: string;
  /** where the body starts (after front matter) */
  bodyStart: number;
  origin: Origin;
  meta: RawMeta;
  hints: RawHints;
}

export function emptyMeta(): RawMeta {
  return { headline: null, outlet: null, publishedAt: null, url: null, language: null };
}

export function emptyHints(): RawHints {
  return { publishedAt: null, location: null, label: null };
}

/** Trimmed string or null: source fields are often blank. */
export function field(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text.length > 0 ? text : null;
}

/** A metadata value that cannot be used as given: the reason names the key. */
export class MetadataError extends Error {}

const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * A metadata value as text: a string or a number. A list, a mapping or true/false is refused,
 * naming the key, instead of being stored as "[object Object]" or "99,100".
 */
export function textField(value: unknown, key: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return field(value);
  const what = Array.isArray(value)
    ? 'a list'
    : typeof value === 'object'
      ? 'a mapping'
      : `${typeof value} ${String(value)}`;
  throw new MetadataError(`${key} must be one text value, not ${what}`);
}

/**
 * An article's address: only an absolute http(s) URL, since it is served as `Article.url` and
 * linked from emails (a `javascript:` or `file:` address must never reach a reader).
 */
export function urlField(value: unknown, key: string): string | null {
  const text = textField(value, key);
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {}
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new MetadataError(`${key} "${shown(text)}" is not an http:// or https:// address`);
  return text;
}

/**
 * A stated publication date: YYYY-MM-DD, YYYY-MM or YYYY, and a day the calendar has. Anything
 * else is null with a warning saying so (2016-02-30 used to vanish without a word).
 */
export function publishedAtField(
  value: unknown,
  key: string,
  source: string,
  warnings: string[],
): string | null {
  // YAML may turn an unquoted 2016-12-09 into a Date; keep it as the calendar day written.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : textField(value, key);
  if (text === null) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) {
    warnings.push(`${source}: ${key} "${shown(text)}" is not YYYY-MM-DD, YYYY-MM or YYYY; it is ignored`);
    return null;
  }
  const [, year, month, day] = match;
  const monthOk = month === undefined || (Number(month) >= 1 && Number(month) <= 12);
  const lastDay = month ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;
  if (!monthOk || (day !== undefined && (Number(day) < 1 || Number(day) > lastDay))) {
    warnings.push(`${source}: ${key} "${text}" is not a day of the calendar; it is ignored`);
    return null;
  }
  return text;
}
