import { createHash } from 'node:crypto';

/**
 * The response-cache key, shared by the yoga plugin and the HTTP front door so both find the
 * same entries. The generation comes first: an ingest anywhere retires every earlier key.
 */
export function responseCacheKey(
  generation: number,
  documentString: string,
  variableValues: unknown,
  operationName: string | null | undefined,
): string {
  const hash = createHash('sha256')
    .update(`${documentString}\u0000${JSON.stringify(variableValues ?? {})}\u0000${operationName ?? ''}`)
    .digest('base64url');
  return `${generation}:${hash}`;
}
