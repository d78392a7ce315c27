/**
 * Where the operations run: in this process against @sitrep/graphql's schema over the store
 * (the default — every digest exercises the API's resolvers), or against a remote Sitrep
 * server's POST /graphql.
 */
import { createContext } from '@sitrep/graphql/context';
import { schema } from '@sitrep/graphql/schema';
import { SitrepError, type SitrepErrorCode } from '@sitrep/schema/errors';
import type { SitrepStore } from '@sitrep/store/store';
import { execute, type GraphQLError, parse } from 'graphql';
import { OPERATIONS, type OperationName } from './operations.ts';

export type Executor = <T>(operation: OperationName, variables: Record<string, unknown>) => Promise<T>;

type ReportedError = Pick<GraphQLError, 'message'> & {
  extensions?: { code?: unknown };
  originalError?: unknown;
};

const CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'STORE_UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** The API's own code when it gave one of Sitrep's (a limit, bad input), else: the API could not answer. */
function failed(operation: string, errors: readonly ReportedError[], where: string): never {
  const code = errors
    .flatMap((e) => [e.extensions?.code, (e.originalError as { code?: unknown } | undefined)?.code])
    .find((c): c is SitrepErrorCode => CODES.has(String(c)));
  throw new SitrepError(
    code ?? 'STORE_UNAVAILABLE',
    `${operation} failed ${where}: ${errors.map((e) => e.message).join('; ')}`,
  );
}

const documents = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, source]) => [name, parse(source)]),
) as Record<OperationName, ReturnType<typeof parse>>;

export function inProcessExecutor(store: SitrepStore): Executor {
  return async <T>(operation: OperationName, variables: Record<string, unknown>) => {
    const result = await execute({
      schema,
      document: documents[operation],
      variableValues: variables,
      contextValue: createContext({ store }),
    });
    if (result.errors?.length) failed(operation, result.errors, 'in process');
    return result.data as T;
  };
}

export function remoteExecutor(url: string): Executor {
  const endpoint = url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`;
  return async <T>(operation: OperationName, variables: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: OPERATIONS[operation], operationName: operation, variables }),
      });
    } catch (error) {
      throw new SitrepError(
        'STORE_UNAVAILABLE',
        `cannot reach ${endpoint}: ${(error as Error).message}; is the API running?`,
        {
          cause: error,
        },
      );
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: ReportedError[] } | null;
    if (!body)
      failed(operation, [{ message: `HTTP ${response.status} without a GraphQL body` }], `at ${endpoint}`);
    if (body.errors?.length) failed(operation, body.errors, `at ${endpoint}`);
    return body.data as T;
  };
}
