import { BadInputError } from '@sitrep/schema/errors';

/** One article file larger than this is almost certainly not an article (a dump, a log). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text, refusing what is not an article: binary data (NUL bytes), invalid UTF-8
 * (reported, never guessed) and empty input. U+FFFD marks already in valid UTF-8 are kept.
 */
export function decodeArticleBytes(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_ARTICLE_BYTES)
    throw new BadInputError(
      source,
      `${(bytes.length / 1048576).toFixed(1)} MB is too large for one article (limit ${MAX_ARTICLE_BYTES / 1048576} MB); split it, or give many articles as CSV or JSON Lines`,
    );
  if (bytes.indexOf(0) !== -1)
    throw new BadInputError(
      source,
      'looks binary (it contains NUL bytes); give UTF-8 text, CSV or JSON Lines',
    );
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch (error) {
    throw new BadInputError(
      source,
      `is not valid UTF-8 (at byte ${firstInvalidByte(bytes)}); re-save it as UTF-8`,
      { cause: error },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw new BadInputError(source, 'is empty; nothing to extract');
  return text;
}

/** Offset of the first byte that breaks UTF-8, for a message a person can act on. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes: decoding a valid prefix never throws in stream mode.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
