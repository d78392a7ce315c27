import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, post, testYoga } from './test-yoga.ts';

// Issue 20 item 4: a NUL character (U+0000) in any string argument was an INTERNAL_SERVER_ERROR
// on PostgreSQL (error 22021). Both engines answer BAD_USER_INPUT, in a literal or a variable.
const cases = await engineCases();
const NUL = '\u0000';

const requests: [string, string, Record<string, unknown>][] = [
  [
    'an outlet filter',
    'query($v: String) { events(filter: { outlet: $v }) { totalCount } }',
    { v: `reuters${NUL}` },
  ],
  [
    'a place filter',
    'query($v: ID) { events(filter: { place: $v }) { totalCount } }',
    { v: `place:sy:aleppo${NUL}` },
  ],
  ['places within', 'query($v: ID) { places(within: $v) { id } }', { v: `place:sy${NUL}` }],
  ['an article id', 'query($v: ID!) { article(id: $v) { id } }', { v: `art_1${NUL}` }],
  ['an actors search', 'query($v: String) { actors(search: $v) { id } }', { v: `assad${NUL}` }],
  ['a literal in the document', '{ actors(search: "assad\\u0000") { id } }', {}],
  [
    'a mutation text',
    'mutation($v: String!) { ingestArticle(input: { text: $v }) { __typename } }',
    { v: `Air strikes killed 9 in Douma.${NUL}` },
  ],
];

describe.each(cases)('NUL in a request on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip).each(requests)(
    '%s is BAD_USER_INPUT, not an internal error',
    async (_name, query, variables) => {
      const yoga = await testYoga(await engine.open());
      const res = await yoga.fetch(...post(query, variables, { authorization: `Bearer ${API_KEY}` }));
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0]?.message).toContain('NUL character (U+0000)');
    },
  );
});
