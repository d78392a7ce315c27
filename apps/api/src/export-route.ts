import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CONTENT_TYPES,
  exportFileName,
  exportText,
  parseExportQuery,
  type RawExportQuery,
} from '@sitrep/export/write-export';
import { SitrepError } from '@sitrep/schema/errors';
import type { SitrepStore } from '@sitrep/store/store';
import type { ApiConfig } from './config.ts';

/** The export's URL for each file type; `.csv` takes `format=acled` (the default) or `format=ucdp`. */
const PATHS: Record<string, readonly string[]> = {
  '/export/events.csv': ['acled', 'ucdp'],
  '/export/events.geojson': ['geojson'],
  '/export/events.jsonl': ['jsonl'],
};
const PARAMETERS = new Set(['format', 'level', 'from', 'to', 'countries', 'kinds', 'since']);

/**
 * `GET /export/events.csv|.geojson|.jsonl?…`: `sitrep export` over HTTP, streamed from the store
 * batch by batch (a slow client holds one batch, not the file). Exports are reads, so they follow
 * the API's read rules: no key needed (keys gate mutations), the same CORS origins as /graphql,
 * GET and HEAD only. A bad filter is a 400 with `{ errors: [{ message, extensions: { code } }] }`,
 * the shape GraphQL errors have, before any byte of the file. Everything else goes to `next`.
 */
export function exportRoute(store: SitrepStore, config: ApiConfig, next: RequestListener): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/export/')) return next(req, res);
    serveExport(store, config, url, req, res).catch((error: unknown) => {
      // Only reached once the file has started: the connection is cut, so the client sees an
      // incomplete transfer rather than a short file that looks whole.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  };
}

async function serveExport(
  store: SitrepStore,
  config: ApiConfig,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const cors = corsHeaders(config, req.headers.origin);
  const formats = PATHS[url.pathname];
  if (!formats)
    return fail(
      res,
      404,
      'NOT_FOUND',
      `no export at ${url.pathname}; use ${Object.keys(PATHS).join(', ')}.`,
      cors,
    );
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return fail(res, 405, 'METHOD_NOT_ALLOWED', 'exports are read with GET (or HEAD).', {
      ...cors,
      allow: 'GET, HEAD',
    });
  let query: ReturnType<typeof parseExportQuery>;
  try {
    const raw: RawExportQuery = {};
    for (const [key, value] of url.searchParams) {
      if (!PARAMETERS.has(key))
        throw new SitrepError(
          'BAD_USER_INPUT',
          `${key}: not an export parameter; use ${[...PARAMETERS].join(', ')}.`,
        );
      raw[key as keyof RawExportQuery] = value;
    }
    const format = raw.format ?? formats[0]!;
    raw.format = format;
    if (!formats.includes(format))
      throw new SitrepError(
        'BAD_USER_INPUT',
        `format: "${format}" is not served at ${url.pathname}; use ${formats.join(' or ')}.`,
      );
    query = parseExportQuery(raw);
  } catch (error) {
    if (error instanceof SitrepError) return fail(res, 400, error.code, error.message, cors);
    throw error;
  }
  const headers = {
    ...cors,
    'content-type': CONTENT_TYPES[query.format],
    'content-disposition': `attachment; filename="${exportFileName(query)}"`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  const { pieces, summary } = exportText(store, query);
  // The first piece is read before the status goes out: a store that cannot answer is a 503
  // with a code, not a 200 cut short.
  let first: IteratorResult<string>;
  try {
    first = await pieces.next();
  } catch (error) {
    const code = error instanceof SitrepError ? error.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'BAD_USER_INPUT' ? 400 : 503;
    const message = error instanceof SitrepError ? error.message : 'the export could not be read; try again.';
    return fail(res, status, code, message, cors);
  }
  // the change-feed cursor to pass as `since` next time (known once the first piece is read)
  res.writeHead(200, summary.nextCursor ? { ...headers, 'sitrep-next-since': summary.nextCursor } : headers);
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* pieces;
  }
  await pipeline(Readable.from(all()), res);
}

function corsHeaders(config: ApiConfig, origin: string | undefined): Record<string, string> {
  if (!origin || config.corsOrigins.length === 0) return {};
  if (config.corsOrigins.includes('*')) return { 'access-control-allow-origin': '*' };
  if (config.corsOrigins.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin' };
  return {};
}

function fail(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
