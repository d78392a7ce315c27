import { hash } from 'node:crypto';

/**
 * Stable identifiers derived from content, so the same text always yields the same ids
 * on any machine and in any order of ingestion.
 */
export function contentHash(text: string): string {
  // crypto.hash (Node ≥ 20.12) is one call without a Hash object: ~3× cheaper for the short
  // strings ids are made from, and extraction makes thousands of ids a second.
  return hash('sha256', text, 'hex');
}

/** `prefix_` followed by the first 16 hex digits of the SHA-256 of the parts joined by NUL. */
export function stableId(
  prefix: 'art' | 'clm' | 'evt' | 'qty' | 'men',
  ...parts: readonly (string | number)[]
): string {
  return `${prefix}_${contentHash(parts.join('\u0000')).slice(0, 16)}`;
}
