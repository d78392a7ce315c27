/**
 * Where the operations run: in this process against @sitrep/graphql's schema over the store
 * (the default — every digest exercises the API's resolvers), or against a remote Sitrep
 * server's POST /graphql. Operations are typed documents (`operations.generated.ts`, generated
 * from the schema), so a caller's variables and the result it reads are checked by the compiler.
 */

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContext } from '@sitrep/graphql/context';
import { schema } from '@sitrep/graphql/schema';
import { SitrepError, type SitrepErrorCode } from '@sitrep/schema/errors';
import type { SitrepStore } from '@sitrep/store/store';
import { execute, type GraphQLError, type OperationDefinitionNode, print } from 'graphql';

export type Executor = <R, V extends Record<string, unknown>>(
  operation: TypedDocumentNode<R, V>,
  variables: V,
) => Promise<R>;

const nameOf = (document: TypedDocumentNode<unknown, never>) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')?.name
    ?.value ?? 'operation';

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

export function inProcessExecutor(store: SitrepStore): Executor {
  return async <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V) => {
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: createContext({ store }),
    });
    if (result.errors?.length) failed(nameOf(document), result.errors, 'in process');
    return result.data as R;
  };
}

/** Printed once per document: the remote executor sends the same text every time. */
const printed = new WeakMap<object, string>();

export function remoteExecutor(url: string): Executor {
  const endpoint = url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`;
  return async <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V) => {
    const operation = nameOf(document);
    const query = printed.get(document) ?? print(document);
    printed.set(document, query);
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, operationName: operation, variables }),
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
    const body = (await response.json().catch(() => null)) as { data?: R; errors?: ReportedError[] } | null;
    if (!body)
      failed(operation, [{ message: `HTTP ${response.status} without a GraphQL body` }], `at ${endpoint}`);
    if (body.errors?.length) failed(operation, body.errors, `at ${endpoint}`);
    return body.data as R;
  };
}
