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
