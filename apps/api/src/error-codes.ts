import { SitrepError } from '@sitrep/schema/errors';
import { GraphQLError } from 'graphql';
import { type MaskError, maskError, type Plugin } from 'graphql-yoga';

/**
 * Every error a client can cause leaves with an `extensions.code` (the list is in README.md).
 * Sitrep's own errors keep their code and message; anything else unexpected is masked by
 * yoga as "Unexpected error." with INTERNAL_SERVER_ERROR, so no stack or SQL leaks out.
 */
export const maskSitrepError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof SitrepError && error instanceof GraphQLError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { ...error.extensions, code: original.code },
    });
  }
  const masked = maskError(error, message, isDev);
  if (masked instanceof GraphQLError && !masked.extensions.code) {
    return new GraphQLError(masked.message, {
      nodes: masked.nodes,
      path: masked.path,
      extensions: { ...masked.extensions, code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  return masked;
};

/** "Did you mean ...?" hints would map a hidden schema for anyone who sends typos. */
const SUGGESTION = / Did you mean .+\?$/;

/** Codes for parse and validation errors, which graphql-js leaves without one. */
export function useErrorCodes(options: { hideSuggestions: boolean }): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && !result.extensions.code) {
          // graphql-armor's token limit fails the parse; it is a limit, not a typo
          const code = /Token limit/.test(result.message) ? 'QUERY_TOO_COMPLEX' : 'GRAPHQL_PARSE_FAILED';
          replaceParseResult(withCode(result, code, false));
        }
      };
    },
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (valid) return;
        setResult(result.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED', options.hideSuggestions)));
      };
    },
  };
}

function withCode(error: GraphQLError, code: string, hideSuggestions: boolean): GraphQLError {
  const message = hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { code, ...error.extensions },
  });
}
