import type { IncomingHttpHeaders } from 'node:http';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { SitrepYoga } from './yoga.ts';

/** What a JSON POST asks for, already checked to be well formed (see front-door.ts). */
export interface OperationParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown>;
}

/** A successful result and how to encode it; null when yoga should answer instead. */
export type FastResult = (ExecutionResult & { stringify?: (result: ExecutionResult) => string }) | null;

/**
 * Runs a query through yoga's own envelop pipeline — the same parse and validation caches with
 * every limit (tokens, depth, aliases, introspection in production), the same context factory,
 * graphql-jit execution with the Pothos cost check, the same error masking — without yoga's
 * Fetch Request/Response machinery around it, which cost more than a small query.
 *
 * It answers only what it can answer exactly as yoga would: a query (not a mutation or
 * subscription) whose result has no errors. Anything else returns null and the request goes to
 * yoga, which runs it again and shapes the errors and status codes as it always does; queries
 * only read, so running one twice changes nothing.
 */
export function fastExecutor(
  yoga: SitrepYoga,
): (params: OperationParams, headers: IncomingHttpHeaders) => Promise<FastResult> {
  return async (params, headers) => {
    const context = { request: headerOnlyRequest(headers), params };
    const enveloped = yoga.getEnveloped(context as unknown as Parameters<SitrepYoga['getEnveloped']>[0]);
    let document: ReturnType<typeof enveloped.parse>;
    try {
      document = enveloped.parse(params.query);
    } catch {
      return null; // a parse error or the token limit: yoga reports it
    }
    if (enveloped.validate(enveloped.schema, document).length > 0) return null;
    if (getOperationAST(document, params.operationName)?.operation !== 'query') return null;
    const contextValue = await enveloped.contextFactory();
    const result = (await enveloped.execute({
      schema: enveloped.schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    })) as FastResult | AsyncIterable<unknown>;
    if (!result || Symbol.asyncIterator in result) return null;
    if (result.errors?.length || result.extensions) return null;
    return result;
  };
}

/**
 * The part of a Fetch Request Sitrep's context factory reads (the API key headers), over node's
 * parsed headers; building a real Request per call is a large part of what this path avoids.
 */
function headerOnlyRequest(headers: IncomingHttpHeaders): Pick<Request, 'headers' | 'method'> {
  const get = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { method: 'POST', headers: { get, has: (name: string) => get(name) !== null } as Headers };
}
