import { createHash } from 'node:crypto';

/** A stable hash of what makes two requests the same operation. */
export function operationHash(
  documentString: string,
  variableValues: unknown,
  operationName: string | null | undefined,
): string {
  return createHash('sha256')
    .update(`${documentString}\u0000${JSON.stringify(variableValues ?? {})}\u0000${operationName ?? ''}`)
    .digest('base64url');
}

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
  return `${generation}:${operationHash(documentString, variableValues, operationName)}`;
}
