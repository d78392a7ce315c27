import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a request carries one of the configured keys, as `authorization: Bearer <key>` or
 * `x-api-key: <key>`. Keys are compared as SHA-256 digests in constant time, so response
 * timing says nothing about how much of a guessed key was right.
 */
export function apiKeyChecker(keys: readonly string[]): (headers: Headers) => boolean {
  const digests = keys.map(digest);
  return (headers) => {
    if (digests.length === 0) return false;
    const bearer = headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const given = bearer ?? headers.get('x-api-key')?.trim();
    if (!given) return false;
    const candidate = digest(given);
    return digests.some((d) => timingSafeEqual(d, candidate));
  };
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
