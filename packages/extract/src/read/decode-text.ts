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
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const extra = lead < 0x80 ? 0 : lead >> 5 === 6 ? 1 : lead >> 4 === 14 ? 2 : lead >> 3 === 30 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++)
      if (i + k >= bytes.length || (bytes[i + k] as number) >> 6 !== 2) return i;
    i += extra + 1;
  }
  return bytes.length;
}
