import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY, post, testYoga } from './test-yoga.ts';

let store: SitrepStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(200));
});
afterAll(() => close());

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};
const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;

describe('health and readiness', () => {
  it.each(['/health', '/ready'])('%s answers 200', async (path) => {
    const res = await (await testYoga(store)).fetch(`http://sitrep.test${path}`);
    expect(res.status).toBe(200);
  });
});

describe('CSRF prevention', () => {
  const url = 'http://sitrep.test/graphql?query=%7B__typename%7D';
  it('refuses a GET a browser could send cross-site', async () => {
    const res = await (await testYoga(store)).fetch(url);
    expect(res.status).toBe(403);
    expect(codeOf((await res.json()) as Body)).toBe('CSRF_PREVENTED');
  });
  it('accepts the same GET with the preflight header', async () => {
    const res = await (await testYoga(store)).fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).data).toEqual({ __typename: 'Query' });
  });
  // yoga answers GraphQL at more paths than /graphql: the check must cover every one of them
  it.each([
    ['GET /graphql/', 'http://sitrep.test/graphql/?query=%7B__typename%7D', {}],
    [
      'GET / naming /graphql in the query string',
      'http://sitrep.test/?query=%7B__typename%7D&x=/graphql',
      {},
    ],
    [
      'a form POST to /graphql/',
      'http://sitrep.test/graphql/',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      },
    ],
  ])('refuses %s as a possible CSRF', async (_name, target, init) => {
    const res = await (await testYoga(store)).fetch(target, init);
    expect(res.status).toBe(403);
    expect(codeOf((await res.json()) as Body)).toBe('CSRF_PREVENTED');
  });
  it('refuses a text/plain POST (a form post)', async () => {
    const res = await (await testYoga(store)).fetch('http://sitrep.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(403);
  });
});

const deep = `{ events(first: 1) { edges { node { article { events { article { events { article { events { article { events { location { place { slug } } } } } } } } } } } } } }`;
const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: outlets { slug }`).join(' ')} }`;

describe('safety limits', () => {
  it.each([
    ['first above 100', '{ events(first: 101) { totalCount } }', 'BAD_USER_INPUT'],
    ['last below 1', '{ events(last: 0) { totalCount } }', 'BAD_USER_INPUT'],
    ['a query deeper than 12', deep, 'QUERY_TOO_COMPLEX'],
    ['16 aliases', aliases, 'QUERY_TOO_COMPLEX'],
    ['more than 2000 tokens', `{ ${'outlets { slug } '.repeat(600)} }`, 'QUERY_TOO_COMPLEX'],
    ['a syntax error', '{ events(first: 1) { ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ evnts { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['too costly a query', costly(), 'QUERY_TOO_COMPLEX'],
    // Pothos gives these no code: they were "Unexpected error." (INTERNAL_SERVER_ERROR) before
    ['a global ID that does not decode', '{ node(id: "garbage") { id } }', 'BAD_USER_INPUT'],
    [
      'a global ID of a type with no objects',
      `{ nodes(ids: ["${Buffer.from('Nope:x').toString('base64')}"]) { id } }`,
      'BAD_USER_INPUT',
    ],
  ])('refuses %s with a code', async (_name, query, code) => {
    const res = await (await testYoga(store)).fetch(...post(query));
    const body = (await res.json()) as Body;
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(codeOf(body)).toBe(code);
  });

  // Lists in lists: 100 events × 5 events of their article × 5 claims × their article's 5 events
  // cost 18,301; with first: 5, 916. The response cache adds `__typename` and `id` to every
  // selection it stores, which must not change the price: a query is priced as the client sent it.
  it.each([
    ['on', {}],
    ['off', { SITREP_RESPONSE_CACHE: 'false' }],
  ])(
    'prices a connection by its page size (response cache %s): the same selection passes with first: 5 and not with 100',
    async (_cache, env) => {
      const selection = (n: number) =>
        `{ events(first: ${n}) { edges { node { article { events { claims { article { events { slug } } } } } } } } }`;
      const small = (await (await (await testYoga(store, env)).fetch(...post(selection(5)))).json()) as Body;
      const large = (await (
        await (await testYoga(store, env)).fetch(...post(selection(100)))
      ).json()) as Body;
      expect(small.errors).toBeUndefined();
      expect(codeOf(large)).toBe('QUERY_TOO_COMPLEX');
      // and a selection honestly under the limit at 100 (5,801) is not refused for what the cache adds
      const honest = `{ events(first: 100) { edges { node { article { events { claims { article { headline } } } } } } } }`;
      const fits = (await (await (await testYoga(store, env)).fetch(...post(honest))).json()) as Body;
      expect(fits.errors).toBeUndefined();
    },
  );

  it.each([
    ['development', {}, 200],
    // without GraphiQL, a bare browser GET is just a GET without a preflight header
    ['production', { NODE_ENV: 'production' }, 403],
  ])('answers a browser opening /graphql in %s with %i', async (_name, env, status) => {
    const res = await (await testYoga(store, env)).fetch('http://sitrep.test/graphql', {
      // what Chromium sends when a person opens the URL
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(res.status).toBe(status);
    if (status === 200) expect(await res.text()).toMatch(/GraphiQL/i);
    else expect(codeOf((await res.json()) as Body)).toBe('CSRF_PREVENTED');
  });

  it('hides "Did you mean" suggestions in production', async () => {
    const dev = (await (
      await (await testYoga(store)).fetch(...post('{ evnts { totalCount } }'))
    ).json()) as Body;
    const prod = (await (
      await (await testYoga(store, { NODE_ENV: 'production' })).fetch(...post('{ evnts { totalCount } }'))
    ).json()) as Body;
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean "events"/);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('turns introspection off in production unless enabled', async () => {
    const query = '{ __schema { queryType { name } } }';
    const prod = (await (
      await (await testYoga(store, { NODE_ENV: 'production' })).fetch(...post(query))
    ).json()) as Body;
    expect(codeOf(prod)).toBe('GRAPHQL_VALIDATION_FAILED');
    const enabled = await testYoga(store, { NODE_ENV: 'production', SITREP_INTROSPECTION: 'true' });
    const body = (await (await enabled.fetch(...post(query))).json()) as Body;
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

/** 100 events × 100 articles' events each: within depth, far over cost. */
function costly(): string {
  return '{ events(first: 100) { edges { node { article { events { claims { article { events { slug summary kind } } } } } } } } }';
}

/** A yoga logger that keeps what is logged at each level, to check what reaches the operator. */
function recordingLogger() {
  const logged: Record<'debug' | 'info' | 'warn' | 'error', unknown[][]> = {
    debug: [],
    info: [],
    warn: [],
    error: [],
  };
  return {
    logged,
    logger: {
      debug: (...args: unknown[]) => void logged.debug.push(args),
      info: (...args: unknown[]) => void logged.info.push(args),
      warn: (...args: unknown[]) => void logged.warn.push(args),
      error: (...args: unknown[]) => void logged.error.push(args),
    },
  };
}

describe('errors', () => {
  it('masks unexpected errors, keeps the code and logs the real error for the operator', async () => {
    const broken = await openSyntheticStore(4);
    await broken.store.close();
    const { logged, logger } = recordingLogger();
    const res = await (await testYoga(broken.store, {}, logger)).fetch(
      ...post('{ events(first: 1) { totalCount } }'),
    );
    const body = (await res.json()) as Body;
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(codeOf(body)).toBe('INTERNAL_SERVER_ERROR');
    expect(logged.error.length).toBeGreaterThan(0);
    await broken.close().catch(() => {});
  });

  it.each([
    ['a missing variable', 'query($n: Int!) { events(first: $n) { totalCount } }', {}],
    ['a variable of the wrong type', 'query($n: Int!) { events(first: $n) { totalCount } }', { n: 'x' }],
    ['first above 100', '{ events(first: 101) { totalCount } }', {}],
  ])('answers %s with BAD_USER_INPUT and logs no server error', async (_name, query, variables) => {
    const { logged, logger } = recordingLogger();
    const res = await (await testYoga(store, {}, logger)).fetch(...post(query, variables));
    expect(res.status).toBeLessThan(500);
    expect(codeOf((await res.json()) as Body)).toBe('BAD_USER_INPUT');
    // yoga once logged a client's missing variable as ERR with a stack trace
    expect(logged.error).toEqual([]);
  });

  // In production every ERR line is an operator's page: a client must not be able to flood it.
  it.each([
    ['a cursor that does not decode', '{ events(first: 1, after: "nope") { totalCount } }'],
    ['a negative minKilled', '{ events(filter: { minKilled: -1 }) { totalCount } }'],
    ['a global ID that does not decode', '{ node(id: "garbage") { id } }'],
  ])('answers %s with BAD_USER_INPUT and logs it at debug, not as an error', async (_name, query) => {
    const { logged, logger } = recordingLogger();
    const yoga = await testYoga(store, { NODE_ENV: 'production' }, logger);
    const body = (await (await yoga.fetch(...post(query))).json()) as Body;
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(logged.error).toEqual([]);
    expect(logged.debug.length).toBeGreaterThan(0);
  });

  it.each([
    ['application/json', 400],
    ['application/graphql-response+json', 400],
  ])(
    'answers malformed JSON (accept %s) with %i BAD_REQUEST, without echoing the body or logging an error',
    async (accept, status) => {
      const { logged, logger } = recordingLogger();
      const yoga = await testYoga(store, { NODE_ENV: 'production' }, logger);
      const res = await yoga.fetch('http://sitrep.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: '{"query": "secret-token-from-the-body',
      });
      const text = await res.text();
      expect(res.status).toBe(status);
      expect(codeOf(JSON.parse(text) as Body)).toBe('BAD_REQUEST');
      expect(text).not.toContain('secret-token');
      expect(logged.error).toEqual([]);
    },
  );

  it.each([
    ['no key', {}],
    ['a wrong bearer key', { authorization: 'Bearer nope' }],
    ['a wrong x-api-key', { 'x-api-key': 'nope' }],
  ])('refuses ingestArticle with %s as UNAUTHENTICATED', async (_name, headers) => {
    const mutation = 'mutation { ingestArticle(input: { text: "x" }) { __typename } }';
    const body = (await (await (await testYoga(store)).fetch(...post(mutation, {}, headers))).json()) as Body;
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/SITREP_API_KEYS/);
  });

  it('lets a keyed caller through to input checks', async () => {
    const mutation = 'mutation { ingestArticle(input: { text: "  " }) { __typename ... on Error { code } } }';
    const res = await (await testYoga(store)).fetch(
      ...post(mutation, {}, { authorization: `Bearer ${API_KEY}` }),
    );
    const body = (await res.json()) as Body;
    expect(body.data).toEqual({ ingestArticle: { __typename: 'BadInputError', code: 'BAD_INPUT' } });
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin', async () => {
    const yoga = await testYoga(store, { SITREP_CORS_ORIGINS: 'https://sitrep.example' });
    const res = await yoga.fetch('http://sitrep.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://sitrep.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://sitrep.example');
  });
});
