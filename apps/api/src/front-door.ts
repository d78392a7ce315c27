import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { operationHash } from './cache-key.ts';

export interface FrontDoorOptions {
  cache: Cache;
  generation: () => number;
  /** add `extensions.responseCache: { hit: true }`, as yoga's plugin does in development */
  metadata: boolean;
}

/** The largest body the front door reads itself; bigger queries go straight to yoga. */
const MAX_FRONT_DOOR_BODY = 64 * 1024;

/**
 * Answers cache hits in the node:http layer, before yoga builds a Fetch Request, runs its
 * plugin chain and a Response; that machinery costs more than a cached answer is worth. It reads
 * the same cache (in memory or Redis) with the same keys as yoga's response-cache plugin, which
 * alone decides what is cached. Anything unusual — not a JSON POST to /graphql, a CORS origin,
 * an SSE accept header, a body of unknown length — goes to yoga untouched. A miss hands yoga the
 * body already read (as `req.body`, which @whatwg-node/server uses instead of the stream).
 */
export function cacheFrontDoor(options: FrontDoorOptions, next: RequestListener): RequestListener {
  return (req, res) => {
    const type = frontDoorType(req);
    if (!type) return next(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      (req as IncomingMessage & { body?: Buffer }).body = body;
      answerFromCache(options, body, type, res).then(
        (answered) => answered || next(req, res),
        () => next(req, res),
      );
    });
  };
}

/** The response content type the front door would send, or null when yoga should decide. */
function frontDoorType(req: IncomingMessage): string | null {
  if (req.method !== 'POST' || req.url !== '/graphql' || req.headers.origin) return null;
  const length = Number(req.headers['content-length']);
  if (!(length > 0 && length <= MAX_FRONT_DOOR_BODY)) return null;
  if (!req.headers['content-type']?.startsWith('application/json')) return null;
  const accept = req.headers.accept ?? '*/*';
  if (accept.includes('text/event-stream') || accept.includes('multipart/mixed')) return null;
  if (accept.includes('application/graphql-response+json')) return 'application/graphql-response+json';
  if (accept.includes('application/json') || accept.includes('*/*')) return 'application/json';
  return null;
}

async function answerFromCache(
  options: FrontDoorOptions,
  body: Buffer,
  type: string,
  res: ServerResponse,
): Promise<boolean> {
  const hash = hashOf(body.toString('utf8'));
  if (hash === null) return false;
  const key = `${options.generation()}:${hash}`;
  const cached = await options.cache.get(key);
  if (!cached || cached.errors?.length) return false;
  const payload = serialized(cached, options.metadata);
  res.writeHead(200, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': payload.length,
    etag: key,
    // says which layer answered, for tests and for people reading headers
    'x-cache': 'HIT',
  });
  res.end(payload);
  return true;
}

/**
 * Raw body → operation hash (null: not for the front door), remembered so a repeated request
 * costs one Map lookup instead of a JSON parse and a SHA-256. Bounded; cleared when full.
 */
const hashes = new Map<string, string | null>();
function hashOf(text: string): string | null {
  if (text.length > 4096) return wellFormedHash(text); // at most 5,000 × 4 KB remembered
  let hash = hashes.get(text);
  if (hash === undefined) {
    hash = wellFormedHash(text);
    if (hashes.size >= 5_000) hashes.clear();
    hashes.set(text, hash);
  }
  return hash;
}

function wellFormedHash(text: string): string | null {
  let params: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
  try {
    params = JSON.parse(text) as typeof params;
  } catch {
    return null;
  }
  // Only well-formed requests: anything yoga would refuse must reach yoga to be refused.
  if (!isMap(params) || typeof params.query !== 'string') return null;
  if (!(params.operationName == null || typeof params.operationName === 'string')) return null;
  if (!(params.variables == null || isMap(params.variables))) return null;
  if (!(params.extensions === undefined || isMap(params.extensions))) return null;
  return operationHash(params.query, params.variables, params.operationName);
}

/** In memory the cache hands back the same object each time: encode it once. */
const encoded = new WeakMap<object, Buffer>();
function serialized(
  result: { data?: unknown; extensions?: Record<string, unknown> },
  metadata: boolean,
): Buffer {
  let bytes = encoded.get(result);
  if (bytes === undefined) {
    const { http: _http, responseCache: _meta, ...rest } = result.extensions ?? {};
    const extensions = metadata ? { ...rest, responseCache: { hit: true } } : rest;
    const text = JSON.stringify(
      Object.keys(extensions).length ? { data: result.data, extensions } : { data: result.data },
    );
    bytes = Buffer.from(text, 'utf8');
    encoded.set(result, bytes);
  }
  return bytes;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
