import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Headers a browser cannot add to a cross-site request without a CORS preflight. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

/**
 * yoga's CSRF prevention: a request a browser could send cross-site without a preflight (GET, or
 * a POST whose content type is missing or form-like) must carry one of `CSRF_HEADERS`. JSON
 * POSTs, which every GraphQL client sends, are preflighted and pass.
 *
 * The plugin checks while yoga parses the request, so it covers every path yoga answers as
 * GraphQL (`/graphql/`, or any URL that ends in `/graphql`), not only `/graphql` itself. Its
 * refusal is given Sitrep's code and a message saying what to send instead.
 */
export function useCsrfPrevention(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: CSRF_HEADERS }).onRequestParse;
  return {
    onRequestParse(payload) {
      try {
        return check?.(payload);
      } catch {
        throw createGraphQLError(
          `Request refused as a possible CSRF: send a JSON POST, or add the header "${CSRF_HEADERS[0]}: 1".`,
          { extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } } },
        );
      }
    },
  };
}
