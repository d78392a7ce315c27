/**
 * Why a fetch failed, as a stable kind a person can read in `sitrep feeds list` and code can
 * act on. `transient` failures (a timeout, a 5xx, a refused connection) are worth retrying
 * later; the others will fail again until someone changes the feed or its URL.
 */
export type FetchFailure =
  | 'timeout'
  | 'network'
  | 'http'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-url'
  | 'not-a-feed'
  | 'not-html';

const TRANSIENT = new Set<FetchFailure>(['timeout', 'network']);

export class FetchError extends Error {
  readonly kind: FetchFailure;
  readonly url: string;
  /** the HTTP status, for kind `http` */
  readonly status: number | null;
  /** seconds the server asked us to wait (Retry-After), when it said */
  readonly retryAfter: number | null;
  constructor(
    kind: FetchFailure,
    url: string,
    message: string,
    options: { status?: number; retryAfter?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = options.status ?? null;
    this.retryAfter = options.retryAfter ?? null;
  }

  /** Worth another try later: the network, the clock, or the server's own trouble (5xx, 429). */
  get transient(): boolean {
    if (TRANSIENT.has(this.kind)) return true;
    return this.kind === 'http' && this.status !== null && (this.status >= 500 || this.status === 429);
  }
}
