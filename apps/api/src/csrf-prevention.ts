import type { Plugin } from 'graphql-yoga';

/** Headers a browser cannot add to a cross-site request without a CORS preflight. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

/** Content types a cross-site `<form>` can send without a preflight. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * CSRF prevention as Apollo and yoga define it: a request a browser could send cross-site
 * without a preflight (GET, or a POST whose content type is missing or form-like) must carry one
 * of `CSRF_HEADERS`. JSON POSTs, which every GraphQL client sends, are preflighted and pass, so
 * the only people who notice are those who query with bare GET links.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS' || url.pathname !== '/graphql') return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      const simple = type === undefined || SIMPLE_TYPES.has(type);
      if (!simple || CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      const body = JSON.stringify({
        errors: [
          {
            message: `Request refused as a possible CSRF: send a JSON POST, or add the header "${CSRF_HEADERS[0]}: 1".`,
            extensions: { code: 'CSRF_PREVENTED' },
          },
        ],
      });
      endResponse(
        new fetchAPI.Response(body, { status: 403, headers: { 'content-type': 'application/json' } }),
      );
    },
  };
}
