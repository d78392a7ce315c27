import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../src/fetch/fetch-error.ts';
import { HttpFetcher } from '../src/fetch/http-fetcher.ts';
import { FixtureServer } from './fixture-server.ts';

const server = new FixtureServer();
// A generous timeout for every answer the fixture server gives at once (a busy CI machine can take
// a second); the timeout test sets its own short one.
const options = { userAgent: 'Sitrep/0.1 (test)', timeoutMs: 10_000, maxRedirects: 3, hostDelayMs: 0 };
const request = { accept: 'application/rss+xml', maxBytes: 5 * 1048576 };

beforeAll(() => server.start());
afterAll(() => server.close());
beforeEach(() => {
  server.hits.length = 0;
  server.maxInFlight = 0;
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('HttpFetcher', () => {
  it('names Sitrep in the User-Agent and returns the body with its validators', async () => {
    const got = await new HttpFetcher(options).fetch(server.url('/feeds/wire.rss.xml'), request);
    expect(got.status).toBe('ok');
    if (got.status !== 'ok') return;
    expect(Buffer.from(got.body).toString('utf8')).toContain('<title>Test Wire - World</title>');
    expect(got.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(got.validators.lastModified).toBe('Tue, 10 Jun 2025 21:00:00 GMT');
    expect(server.hits[0]?.headers['user-agent']).toBe('Sitrep/0.1 (test)');
  });

  it('sends the validators back and reports 304 as not modified, with no body read', async () => {
    const fetcher = new HttpFetcher(options);
    const first = await fetcher.fetch(server.url('/feeds/wire.rss.xml'), request);
    if (first.status !== 'ok') throw new Error('expected a body');
    const second = await fetcher.fetch(server.url('/feeds/wire.rss.xml'), {
      ...request,
      validators: first.validators,
    });
    expect(second.status).toBe('not-modified');
    expect(server.hits[1]?.headers['if-none-match']).toBe(first.validators.etag);
    expect(server.hits[1]?.headers['if-modified-since']).toBe(first.validators.lastModified);
    expect(server.hits[1]?.status).toBe(304);
  });

  it('reports a 500 as a transient HTTP failure', async () => {
    server.flakyFailures = 1;
    const error = await failure(new HttpFetcher(options).fetch(server.url('/flaky.xml'), request));
    expect([error.kind, error.status, error.transient]).toEqual(['http', 500, true]);
    expect(error.message).toBe('HTTP 500 Internal Server Error');
  });

  it('reports a 410 as a failure that retrying will not fix', async () => {
    const error = await failure(new HttpFetcher(options).fetch(server.url('/gone.xml'), request));
    expect([error.kind, error.status, error.transient]).toEqual(['http', 410, false]);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server.stallMs = 3_000;
    const started = Date.now();
    const error = await failure(
      new HttpFetcher({ ...options, timeoutMs: 400 }).fetch(server.url('/slow.xml'), request),
    );
    expect([error.kind, error.transient]).toEqual(['timeout', true]);
    expect(error.message).toBe('no complete answer within 0.4 s');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it.each([
    ['streamed without a length', '/huge.xml', 'more than 5.0 MB'],
    ['with its 20 MB length declared', '/huge-declared.xml', '20.0 MB'],
  ])('refuses a 20 MB answer %s without holding it', async (_case, path, size) => {
    const fetcher = new HttpFetcher(options);
    const error = await failure(fetcher.fetch(server.url(path), request));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`the answer is ${size}, over the 5.0 MB limit; it was not read`);
  });

  it('stops at a redirect loop and shows it', async () => {
    const error = await failure(new HttpFetcher(options).fetch(server.url('/loop-a'), request));
    expect(error.kind).toBe('redirect-loop');
    expect(error.message).toBe(
      `redirect loop: ${server.url('/loop-a')} → ${server.url('/loop-b')} → ${server.url('/loop-a')}; fix the URL or ask the site`,
    );
    expect([server.requests('/loop-a').length, server.requests('/loop-b').length]).toEqual([1, 1]);
  });

  it('follows redirects to a limit', async () => {
    for (let i = 1; i <= 5; i++)
      server.route(`/hop-${i}`, (_q, res) => void res.writeHead(307, { location: `/hop-${i + 1}` }).end());
    const error = await failure(new HttpFetcher(options).fetch(server.url('/hop-1'), request));
    expect(error.kind).toBe('too-many-redirects');
    expect(server.hits.filter((h) => h.path.startsWith('/hop-')).map((h) => h.path)).toEqual([
      '/hop-1',
      '/hop-2',
      '/hop-3',
      '/hop-4',
    ]);
  });

  it('reports where a permanently moved feed now lives', async () => {
    const got = await new HttpFetcher(options).fetch(server.url('/moved.xml'), request);
    expect(got.status === 'ok' && [got.url, got.movedTo]).toEqual([
      server.url('/feeds/wire.rss.xml'),
      server.url('/feeds/wire.rss.xml'),
    ]);
  });

  it('makes one request at a time to a host, with the pause between them', async () => {
    const fetcher = new HttpFetcher({ ...options, hostDelayMs: 120 });
    const paths = [
      '/feeds/wire.rss.xml',
      '/feeds/wire.atom.xml',
      '/feeds/wire.json',
      '/pages/haiti-gangs.html',
    ];
    await Promise.all(paths.map((p) => fetcher.fetch(server.url(p), request)));
    expect(server.maxInFlight).toBe(1);
    const times = server.hits.filter((h) => paths.includes(h.path)).map((h) => h.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(110);
  });

  it.each([
    ['file:///etc/passwd', 'bad-url', 'file: URLs are not fetched; give an http(s) address'],
    ['not a url', 'bad-url', '"not a url" is not a URL; give an http:// or https:// address'],
  ])('refuses %s', async (url, kind, message) => {
    const error = await failure(new HttpFetcher(options).fetch(url, request));
    expect([error.kind, error.message]).toEqual([kind, message]);
  });

  it('asks again, once, when a connection is dropped with no answer', async () => {
    server.resetsLeft = 1;
    const got = await new HttpFetcher(options).fetch(server.url('/reset.xml'), request);
    expect(got.status).toBe('ok');
    expect(server.hits.filter((h) => h.path === '/reset.xml')).toHaveLength(2);
  });

  it('reports a connection dropped twice as a transient network failure', async () => {
    server.resetsLeft = 5;
    const error = await failure(new HttpFetcher(options).fetch(server.url('/reset.xml'), request));
    expect([error.kind, error.transient]).toEqual(['network', true]);
    expect(server.hits.filter((h) => h.path === '/reset.xml')).toHaveLength(2);
    server.resetsLeft = 0;
  });

  it('reports a refused connection as a transient network failure', async () => {
    const closed = new FixtureServer();
    await closed.start();
    await closed.close();
    const error = await failure(new HttpFetcher(options).fetch(closed.url('/x'), request));
    expect([error.kind, error.transient]).toEqual(['network', true]);
    expect(error.message).toBe('cannot reach the server (ECONNREFUSED)');
  });
});
