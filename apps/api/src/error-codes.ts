import { pothosInputError } from '@sitrep/graphql/user-error';
import { SitrepError } from '@sitrep/schema/errors';
import { GraphQLError } from 'graphql';
import { type MaskError, maskError, type Plugin, type YogaLogger } from 'graphql-yoga';

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
  const input = pothosInputError(original);
  if (input && error instanceof GraphQLError) {
    return new GraphQLError(input.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { ...error.extensions, ...input.extensions },
    });
  }
  const masked = maskError(error, message, isDev);
  // graphql-jit's own GraphQLError leaves `extensions` undefined rather than empty.
  if (masked instanceof GraphQLError && !masked.extensions?.code) {
    return new GraphQLError(masked.message, {
      nodes: masked.nodes,
      source: masked.source,
      positions: masked.positions,
      path: masked.path,
      extensions: {
        ...masked.extensions,
        code: requestError(masked) ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR',
      },
    });
  }
  return masked;
};

/**
 * An error about the request itself rather than something that failed while running it: a
 * variable missing or of the wrong type. graphql-jit reports those as plain GraphQLErrors with no
 * path (nothing ran yet) and no cause; errors raised while executing carry a path.
 */
function requestError(error: GraphQLError): boolean {
  return error.path === undefined && error.originalError == null;
}

/**
 * Yoga's log, with clients' request errors moved from `error` to `debug`. Yoga logs every
 * error its mask replaces as an unexpected one (ERR, with a stack), and graphql-jit's error
 * for a missing or mistyped variable has to be replaced to carry its code (its `extensions` is
 * read-only). A client's typo is not a server fault to wake an operator for; everything else
 * still reaches `error`.
 */
export function clientErrorsAtDebug(logger: YogaLogger): YogaLogger {
  return {
    ...logger,
    error: (...args: unknown[]) => {
      const [first] = args;
      if (args.length === 1 && first instanceof GraphQLError && requestError(first)) logger.debug(...args);
      else logger.error(...args);
    },
  };
}

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
