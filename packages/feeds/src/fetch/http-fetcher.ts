import { FetchError } from './fetch-error.ts';
import { HostQueue } from './host-queue.ts';
import { readLimited } from './read-limited.ts';

export interface FetcherOptions {
  /** names Sitrep and where to reach its operator, so a site's admin can tell who polls */
  userAgent: string;
  /** for one request, headers and body together */
  timeoutMs: number;
  maxRedirects: number;
  /** pause between two requests to the same host */
  hostDelayMs: number;
}

/** The validators of the last copy seen: a server that supports them answers 304, costing nothing. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  accept: string;
  maxBytes: number;
  validators?: Validators | null;
}

export type Fetched =
  | {
      status: 'ok';
      /** the URL the body came from, after redirects (relative links resolve against it) */
      url: string;
      body: Uint8Array;
      contentType: string | null;
      validators: Validators;
      /** where every hop was permanent (301/308): the address to use from now on */
      movedTo: string | null;
    }
  | { status: 'not-modified'; url: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A polite HTTP client for feeds and article pages: a User-Agent naming Sitrep, conditional
 * GET, one request at a time per host with a pause between, a timeout covering the body, a
 * size limit enforced while reading (a 20 MB answer is refused without holding it), and
 * redirects followed by hand so loops and long chains end with a clear error.
 */
export class HttpFetcher {
  readonly #options: FetcherOptions;
  readonly #hosts: HostQueue;

  constructor(options: FetcherOptions) {
    this.#options = options;
    this.#hosts = new HostQueue(options.hostDelayMs);
  }

  async fetch(url: string, request: FetchRequest): Promise<Fetched> {
    const visited = new Set<string>();
    let current = parseHttpUrl(url);
    let permanent = true;
    for (let hop = 0; ; hop++) {
      visited.add(current.href);
      const answer = await this.#hosts.run(current.host, () => this.#once(current, request, hop === 0));
      if (answer.status !== 'redirect') {
        if (answer.status === 'not-modified') return { status: 'not-modified', url: current.href };
        const movedTo = hop > 0 && permanent ? current.href : null;
        return { ...answer, url: current.href, movedTo };
      }
      const next = parseHttpUrl(answer.location, current);
      permanent &&= answer.code === 301 || answer.code === 308;
      if (visited.has(next.href))
        throw new FetchError(
          'redirect-loop',
          url,
          `redirect loop: ${[...visited, next.href].join(' → ')}; fix the URL or ask the site`,
        );
      if (hop + 1 > this.#options.maxRedirects)
        throw new FetchError(
          'too-many-redirects',
          url,
          `more than ${this.#options.maxRedirects} redirects (last to ${next.href}); use the final URL`,
        );
      current = next;
    }
  }

  async #once(url: URL, request: FetchRequest, first: boolean) {
    const headers: Record<string, string> = {
      'user-agent': this.#options.userAgent,
      accept: request.accept,
    };
    // Validators belong to the URL they came from: only the first hop carries them.
    if (first && request.validators?.etag) headers['if-none-match'] = request.validators.etag;
    if (first && request.validators?.lastModified)
      headers['if-modified-since'] = request.validators.lastModified;
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
    const seconds = `${this.#options.timeoutMs / 1000} s`;
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (error) {
      // A connection closed with no answer is most often a kept-alive one the server shut as it
      // was reused (its idle timeout and ours crossing on a busy machine): it says nothing of the
      // feed, and a GET is safe to send again — once, on a new connection.
      if (!dropped(error) || signal.aborted) throw failure(url.href, error, seconds);
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal });
      } catch (again) {
        throw failure(url.href, again, seconds);
      }
    }
    const { status } = response;
    if (REDIRECTS.has(status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location)
        throw new FetchError('http', url.href, `HTTP ${status} without a Location header`, { status });
      return { status: 'redirect' as const, code: status, location };
    }
    if (status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' as const };
    }
    if (status < 200 || status > 299) {
      await response.body?.cancel();
      throw new FetchError('http', url.href, `HTTP ${status} ${response.statusText}`.trim(), {
        status,
        retryAfter: retryAfterSeconds(response.headers.get('retry-after')),
      });
    }
    let body: Uint8Array;
    try {
      body = await readLimited(response, request.maxBytes, url.href);
    } catch (error) {
      throw error instanceof FetchError ? error : failure(url.href, error, seconds);
    }
    return {
      status: 'ok' as const,
      body,
      contentType: response.headers.get('content-type'),
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  }
}

/** http(s) only: a feed pointing at file:// or ftp:// is refused, not followed. */
export function parseHttpUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new FetchError('bad-url', value, `"${value}" is not a URL; give an http:// or https:// address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(
      'bad-url',
      url.href,
      `${url.protocol} URLs are not fetched; give an http(s) address`,
    );
  url.hash = '';
  return url;
}

/** A connection reset or closed by the server before any answer (undici's "other side closed"). */
function dropped(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

function failure(url: string, error: unknown, timeout: string): FetchError {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new FetchError('timeout', url, `no complete answer within ${timeout}`, { cause: error });
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return new FetchError('network', url, `cannot reach the server (${detail})`, { cause: error });
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000));
}
