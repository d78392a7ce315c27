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
  if (
    error instanceof GraphQLError &&
    error.extensions?.code === 'BAD_REQUEST' &&
    error.extensions.originalError
  )
    return withoutEcho(error);
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
 * yoga gives a malformed JSON body's error the parser's own message as
 * `extensions.originalError`, and V8's message quotes the body back: a client would read its
 * own bytes, and so would anything that logs responses. It goes, and `http.spec` with it — yoga
 * answers a spec error 200 to an `application/json` client once no `originalError` is left,
 * and a body that is not JSON stays a 400.
 */
function withoutEcho(error: GraphQLError): GraphQLError {
  const { originalError: _echo, http, ...extensions } = error.extensions;
  const { spec: _spec, ...status } = (http ?? {}) as Record<string, unknown>;
  return new GraphQLError(error.message, { extensions: { ...extensions, http: status } });
}

/**
 * An error about the request itself rather than something that failed while running it: a
 * variable missing or of the wrong type. graphql-jit reports those as plain GraphQLErrors with no
 * path (nothing ran yet) and no cause; errors raised while executing carry a path.
 */
function requestError(error: GraphQLError): boolean {
  return error.path === undefined && error.originalError == null;
}

/** Codes of errors that are the client's to fix; anything else (a store down, a bug) is the operator's. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'CSRF_PREVENTED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

/**
 * Yoga's log, with clients' mistakes moved from `error` to `debug`. Yoga logs every error its
 * mask replaces as an unexpected one (ERR, with a stack), and Sitrep's mask replaces many of the
 * client's: a bad cursor or filter value from the store, a variable graphql-jit found missing or
 * mistyped, a malformed body stripped of its echo. In production anyone could fill the log with
 * them; an error is logged as one only when the code its client sees is not a client's.
 */
export function clientErrorsAtDebug(logger: YogaLogger): YogaLogger {
  return {
    ...logger,
    error: (...args: unknown[]) => {
      const [first] = args;
      if (args.length === 1 && clientError(first)) logger.debug(...args);
      else logger.error(...args);
    },
  };
}

function clientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const masked = maskSitrepError(error, '', false);
  return masked instanceof GraphQLError && CLIENT_CODES.has(String(masked.extensions?.code));
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
