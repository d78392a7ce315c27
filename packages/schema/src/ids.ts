import { createHash } from 'node:crypto';

/**
 * Stable identifiers derived from content, so the same text always yields the same ids
 * on any machine and in any order of ingestion.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `prefix_` followed by the first 16 hex digits of the SHA-256 of the parts joined by NUL. */
export function stableId(
  prefix: 'art' | 'clm' | 'evt' | 'qty' | 'men',
  ...parts: readonly (string | number)[]
): string {
  return `${prefix}_${contentHash(parts.join('\u0000')).slice(0, 16)}`;
}
