import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';
import { operationHash } from './cache-key.ts';
import type { FastResult, OperationParams } from './fast-execution.ts';

export interface FrontDoorOptions {
  /** the response cache; null when caching is off */
  cache: Cache | null;
  generation: () => number;
  /** add `extensions.responseCache: { hit: true }`, as yoga's plugin does in development */
  metadata: boolean;
  /** runs a query without yoga's HTTP machinery (fast-execution.ts); used when the cache is off */
  execute: ((params: OperationParams, headers: IncomingMessage['headers']) => Promise<FastResult>) | null;
}

/** The largest body the front door reads itself; bigger queries go straight to yoga. */
const MAX_FRONT_DOOR_BODY = 64 * 1024;

/**
 * Answers plain JSON POSTs in the node:http layer, before yoga builds a Fetch Request, runs its
 * plugin chain and a Response; that machinery costs more than a cached answer or a small query.
 * With the response cache on, it answers hits from the same cache (in memory or Redis) with the
 * same keys as yoga's response-cache plugin, which alone decides what is cached; a miss goes to
 * yoga so the plugin can store it. With the cache off, it executes the query itself through
 * yoga's envelop pipeline (fast-execution.ts). Anything unusual — not a JSON POST to /graphql,
 * a CORS origin, an SSE accept header, a body of unknown length, a malformed body, an error in
 * the result — goes to yoga, which read nothing of it: it gets the body already read (as
 * `req.body`, which @whatwg-node/server uses instead of the stream).
 */
export function frontDoor(options: FrontDoorOptions, next: RequestListener): RequestListener {
  return (req, res) => {
    const type = frontDoorType(req);
    if (!type) return next(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      (req as IncomingMessage & { body?: Buffer }).body = body;
      answer(options, body, type, req, res).then(
        (answered) => answered || next(req, res),
        () => next(req, res),
      );
    });
  };
}

/** The response content type yoga would pick, or null when yoga should decide. */
function frontDoorType(req: IncomingMessage): string | null {
  if (req.method !== 'POST' || req.url !== '/graphql' || req.headers.origin) return null;
  const length = Number(req.headers['content-length']);
  if (!(length > 0 && length <= MAX_FRONT_DOOR_BODY)) return null;
  if (!req.headers['content-type']?.startsWith('application/json')) return null;
  return mediaTypeFor(req.headers.accept ?? '*/*');
}

/** Accept header → response type, remembered: clients send the same few headers every time. */
const mediaTypes = new LRUCache<string, { type: string | null }>({ max: 100 });
function mediaTypeFor(accept: string): string | null {
  let known = mediaTypes.get(accept);
  if (known === undefined) {
    const type =
      accept.includes('text/event-stream') || accept.includes('multipart/mixed')
        ? null
        : regularMediaType(accept);
    known = { type }; // boxed: lru-cache keeps no null values
    mediaTypes.set(accept, known);
  }
  return known.type;
}

const REGULAR = ['application/graphql-response+json', 'application/json'];

/**
 * yoga's choice for a plain result (plugins/result-processor/accept.js and
 * use-result-processor.js): the accepted types in reverse order, and the last match wins — so the
 * first listed type that matches, and for a wildcard `application/json`.
 */
function regularMediaType(accept: string): string | null {
  let chosen: string | null = null;
  const asked = accept.replace(/\s/g, '').toLowerCase().split(',').reverse();
  for (const entry of asked) {
    const [type, ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (!type || charset !== 'charset=utf-8') continue;
    const [pre, suf] = type.split('/');
    for (const candidate of REGULAR) {
      const [cPre, cSuf] = candidate.split('/');
      if ((pre === '*' || pre === cPre) && (suf === '*' || suf === cSuf)) chosen = candidate;
    }
  }
  return chosen;
}

async function answer(
  options: FrontDoorOptions,
  body: Buffer,
  type: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const known = readBody(body.toString('utf8'));
  if (known === null) return false;
  if (options.cache) {
    const key = `${options.generation()}:${known.hash}`;
    const cached = await options.cache.get(key);
    if (!cached || cached.errors?.length) return false;
    send(res, type, serialized(cached, options.metadata), { etag: key, 'x-cache': 'HIT' });
    return true;
  }
  if (!options.execute) return false;
  const result = await options.execute(known.params, req.headers);
  if (result === null) return false;
  const text = result.stringify ? result.stringify(result) : JSON.stringify(result);
  send(res, type, Buffer.from(text, 'utf8'), {});
  return true;
}

function send(res: ServerResponse, type: string, payload: Buffer, headers: Record<string, string>): void {
  res.writeHead(200, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': payload.length,
    // says which layer answered (x-cache: HIT for the cache), for tests and people reading headers
    ...headers,
  });
  res.end(payload);
}

interface KnownBody {
  params: OperationParams;
  hash: string;
}

/**
 * Raw body → its parameters and operation hash (null: not for the front door), remembered so a
 * repeated request costs one lookup instead of a JSON parse and a SHA-256. Bounded, least
 * recently used out. The parameters are shared between requests and never modified.
 */
const bodies = new LRUCache<string, { known: KnownBody | null }>({ max: 5_000 });
function readBody(text: string): KnownBody | null {
  if (text.length > 4096) return wellFormed(text); // at most 5,000 × 4 KB remembered
  let remembered = bodies.get(text);
  if (remembered === undefined) {
    remembered = { known: wellFormed(text) }; // boxed: lru-cache keeps no null values
    bodies.set(text, remembered);
  }
  return remembered.known;
}

const PARAMS = new Set(['query', 'variables', 'operationName', 'extensions']);

/** Only requests yoga would accept as they are: anything it would refuse must reach yoga to be refused. */
function wellFormed(text: string): KnownBody | null {
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!isMap(params) || typeof params.query !== 'string') return null;
  // yoga refuses unknown parameters (use-check-graphql-query-params.js), unless they are null
  for (const key in params) if (params[key] != null && !PARAMS.has(key)) return null;
  if (!(params.operationName == null || typeof params.operationName === 'string')) return null;
  if (!(params.variables == null || isMap(params.variables))) return null;
  if (!(params.extensions == null || isMap(params.extensions))) return null;
  const known = params as unknown as OperationParams;
  return { params: known, hash: operationHash(known.query, known.variables, known.operationName) };
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
