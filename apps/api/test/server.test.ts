import { request } from 'node:http';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY } from './test-yoga.ts';

let store: SitrepStore;
let close: () => Promise<void>;
let server: RunningServer;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(40));
  const config = readConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SITREP_API_KEYS: API_KEY,
    SITREP_MAX_BODY_BYTES: '2000',
  });
  server = await startServer(config, { store });
});
afterAll(async () => {
  await server.close();
  await close();
});

/** A raw POST so the test controls content-length and chunking, which fetch would not. */
function rawPost(body: string, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `http://127.0.0.1:${server.port}/graphql`,
      {
        method: 'POST',
        headers: chunked
          ? { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (chunked) for (let i = 0; i < body.length; i += 500) req.write(body.slice(i, i + 500));
    else req.write(body);
    req.end();
  });
}

describe('the request-body limit in the HTTP layer', () => {
  const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(5000) } });
  it.each([
    ['a declared content-length', false],
    ['a chunked body', true],
  ])('refuses %s over the limit with 413 PAYLOAD_TOO_LARGE', async (_name, chunked) => {
    const res = await rawPost(big, chunked);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
  it.each([false, true])('passes a small body (chunked: %s)', async (chunked) => {
    const res = await rawPost(JSON.stringify({ query: '{ __typename }' }), chunked);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the cache front door', () => {
  const query = JSON.stringify({ query: '{ events(first: 3) { totalCount edges { node { slug } } } }' });
  const ask = () =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });

  it('answers a repeated query from the cache, and recomputes after an ingest', async () => {
    const first = await ask();
    const second = await ask();
    expect(first.headers.get('x-cache')).toBeNull();
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const cached = (await second.json()) as { data: { events: { totalCount: number } } };
    expect(cached).toEqual(await first.json());

    const added = await store.listEvents({}, { first: 1 });
    expect(added.totalCount).toBe(cached.data.events.totalCount);
    const text = 'Syria\n\nAir strikes killed 13 people in Aleppo on Thursday, civil defence workers said.';
    const ingest = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({
        query:
          'mutation($t: String!) { ingestArticle(input: { text: $t }) { ... on IngestArticlePayload { status } } }',
        variables: { t: text },
      }),
    });
    expect(await ingest.json()).toEqual({ data: { ingestArticle: { status: 'NEW' } } });
    const after = (await (await ask()).json()) as typeof cached;
    expect(after.data.events.totalCount).toBe((await store.listEvents({}, { first: 1 })).totalCount);
    expect(after.data.events.totalCount).toBeGreaterThan(cached.data.events.totalCount);
  });

  it.each([
    ['operationName', { operationName: 0 }],
    ['variables', { variables: ['array'] }],
    ['extensions', { extensions: 'string' }],
  ])('leaves a cached query with a malformed %s for yoga to refuse', async (_name, extra) => {
    const body = (more: object) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ outlets { slug } }', ...more }),
      });
    await body({});
    expect((await body({})).headers.get('x-cache')).toBe('HIT');
    const refused = await body(extra);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-cache')).toBeNull();
  });
});
