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
