import { PothosValidationError } from '@pothos/core';
import type { SitrepErrorCode } from '@sitrep/schema/errors';
import { GraphQLError } from 'graphql';

/**
 * A mistake in the request, as a GraphQL error that already carries its code: servers pass it
 * through unmasked and unlogged (it is the client's to fix), and in-process callers read the
 * same `extensions.code` the HTTP API documents.
 */
export function userError(code: SitrepErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Pothos' own complaints about a request's input — a global ID that does not decode, or names
 * another type — are the client's to fix, though Pothos gives them no code; null for anything
 * else.
 */
export function pothosInputError(error: unknown): GraphQLError | null {
  return error instanceof PothosValidationError ? userError('BAD_USER_INPUT', error.message) : null;
}
