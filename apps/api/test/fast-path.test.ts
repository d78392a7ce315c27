import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitRequestBody } from '../src/body-limit.ts';
import { fastExecutor } from '../src/fast-execution.ts';
import { frontDoor } from '../src/front-door.ts';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY, testYoga } from './test-yoga.ts';

// The same yoga served twice over real HTTP: bare (the reference) and behind the front door
// with the response cache off, where queries run on the fast path. yoga's own handler is
// wrapped to count the requests that reached it, so each case shows which path answered.
let store: SitrepStore;
let closeStore: () => Promise<void>;
const servers: Server[] = [];
let bare: string;
let fronted: string;
let reachedYoga = 0;

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(limitRequestBody(20_000, handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  ({ store, close: closeStore } = await openSyntheticStore(60));
  const yoga = await testYoga(store, { NODE_ENV: 'production', SITREP_RESPONSE_CACHE: 'false' });
  bare = await listen(yoga);
  const counted: RequestListener = (req, res) => {
    reachedYoga++;
    return yoga(req, res);
  };
  const execute = fastExecutor(yoga);
  fronted = await listen(frontDoor({ cache: null, generation: () => 0, metadata: false, execute }, counted));
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await closeStore();
});

interface Answer {
  status: number;
  type: string | null;
  body: unknown;
  byYoga: boolean;
}

async function ask(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const before = reachedYoga;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: text ? JSON.parse(text) : null,
    byYoga: reachedYoga > before,
  };
}

/** Asks both servers twice (the second time yoga's parse/validate caches are warm) and compares. */
async function bothWays(body: string, headers: Record<string, string> = {}) {
  const reference = await ask(bare, body, headers);
  const first = await ask(fronted, body, headers);
  const second = await ask(fronted, body, headers);
  const { byYoga: _unused, ...expected } = reference;
  expect({ ...first, byYoga: undefined }).toEqual({ ...expected, byYoga: undefined });
  expect({ ...second, byYoga: undefined }).toEqual({ ...expected, byYoga: undefined });
  return { reference, first, second };
}

const json = (query: string, more: object = {}) => JSON.stringify({ query, ...more });
const EVENTS = `{ events(first: 20) { edges { node { slug kind summary occurred { start precision }
  article { headline outletName } location { name place { name coordinates { lat lon } } }
  casualties { killed { best low high civilians children } injured { best } } } } } }`;

describe('the fast path (response cache off)', () => {
  it.each([
    ['application/graphql-response+json'],
    ['application/json'],
    ['*/*'],
    ['application/json, application/graphql-response+json'],
    ['application/graphql-response+json, application/json'],
  ])(
    'answers a plain query without yoga, with the status, type and body yoga gives (accept: %s)',
    async (accept) => {
      const { first, second } = await bothWays(json(EVENTS), { accept });
      expect(first.status).toBe(200);
      expect((first.body as { data: { events: { edges: unknown[] } } }).data.events.edges).toHaveLength(20);
      expect([first.byYoga, second.byYoga]).toEqual([false, false]);
    },
  );

  it('runs the query against the store on every request', async () => {
    await ask(fronted, json('{ events(first: 2) { totalCount } }'));
    const before = store.stats.queries;
    await ask(fronted, json('{ events(first: 2) { totalCount } }'));
    await ask(fronted, json('{ events(first: 2) { totalCount } }'));
    // a page and a COUNT each time, between the BEGIN and COMMIT of the query's snapshot
    expect(store.stats.queries - before).toBe(8);
  });

  // Also a regression test for yoga itself: graphql-jit's cache ignored operationName, so B ran
  // A's compiled plan and failed with an internal error.
  it('honours variables and operationName like yoga', async () => {
    const query =
      'query A($n: Int!) { events(first: $n) { edges { node { slug } } } } query B { __typename }';
    const a = await bothWays(json(query, { variables: { n: 3 }, operationName: 'A' }));
    const b = await bothWays(json(query, { operationName: 'B' }));
    expect([a.second.byYoga, b.second.byYoga]).toEqual([false, false]);
    expect(a.second.body).toMatchObject({ data: { events: { edges: [{}, {}, {}] } } });
    expect(b.reference.body).toEqual({ data: { __typename: 'Query' } });
  });

  const deep = `{ events(first: 1) { edges { node { article { events { article { events { article { events { article { events { location { place { slug } } } } } } } } } } } } } }`;
  const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: outlets { slug }`).join(' ')} }`;
  const costly =
    '{ events(first: 100) { edges { node { article { events { claims { article { events { slug summary kind } } } } } } } } }';
  it.each([
    ['first above 100', json('{ events(first: 101) { totalCount } }'), 'BAD_USER_INPUT'],
    ['last below 1', json('{ events(last: 0) { totalCount } }'), 'BAD_USER_INPUT'],
    ['a bad cursor', json('{ events(first: 1, after: "nope") { totalCount } }'), 'BAD_USER_INPUT'],
    ['a query deeper than 12', json(deep), 'QUERY_TOO_COMPLEX'],
    ['16 aliases', json(aliases), 'QUERY_TOO_COMPLEX'],
    ['more than 2000 tokens', json(`{ ${'outlets { slug } '.repeat(600)} }`), 'QUERY_TOO_COMPLEX'],
    ['too costly a query', json(costly), 'QUERY_TOO_COMPLEX'],
    ['a syntax error', json('{ events(first: 1) { '), 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', json('{ evnts { totalCount } }'), 'GRAPHQL_VALIDATION_FAILED'],
    ['introspection in production', json('{ __schema { queryType { name } } }'), 'GRAPHQL_VALIDATION_FAILED'],
    // graphql-jit reports these with no extensions at all; they once left masked as 500s
    ['a missing variable', json('query($n: Int!) { events(first: $n) { totalCount } }'), 'BAD_USER_INPUT'],
    [
      'a variable of the wrong type',
      json('query($n: Int!) { events(first: $n) { totalCount } }', { variables: { n: 'x' } }),
      'BAD_USER_INPUT',
    ],
    ['an unknown operationName', json('query A { __typename }', { operationName: 'B' }), undefined],
    ['an unknown parameter', json('{ __typename }', { persisted: 'x' }), 'BAD_REQUEST'],
  ])('leaves %s to yoga, which answers exactly as without the front door', async (_name, body, code) => {
    const { first, second } = await bothWays(body);
    const errors = (second.body as { errors?: { extensions?: { code?: string } }[] }).errors;
    expect(errors?.length).toBeGreaterThan(0);
    if (code) expect(errors?.[0]?.extensions?.code).toBe(code);
    // the client's mistake, never a server error
    expect(second.status).toBeLessThan(500);
    expect([first.byYoga, second.byYoga]).toEqual([true, true]);
  });

  it.each([
    ['without a key', {}],
    ['with a key', { 'x-api-key': API_KEY }],
  ])('never runs a mutation (%s)', async (_name, headers) => {
    const mutation = json('mutation { ingestArticle(input: { text: "  " }) { __typename } }');
    const res = await ask(fronted, mutation, headers);
    expect(res.byYoga).toBe(true);
    expect(res.status).toBe(200);
  });

  it.each([
    ['a form-like POST (CSRF prevention)', { 'content-type': 'text/plain' }, 403],
    ['a cross-origin POST (CORS)', { origin: 'https://elsewhere.example' }, 200],
  ])('leaves %s to yoga', async (_name, headers, status) => {
    const res = await ask(fronted, json('{ __typename }'), headers);
    expect(res).toMatchObject({ status, byYoga: true });
  });

  it('keeps the body limit in front of it', async () => {
    const res = await ask(fronted, json('{ __typename }', { variables: { pad: 'x'.repeat(30_000) } }));
    expect(res).toMatchObject({ status: 413, byYoga: false });
  });
});
