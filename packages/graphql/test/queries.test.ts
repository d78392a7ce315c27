import type { SitrepStore } from '@sitrep/store/store';
import { singletonCanonical } from '@sitrep/store/test-world';
import { type ExecutionResult, execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';
import { openSyntheticStore } from './synthetic-store.ts';

let store: SitrepStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(400));
  // the timeline counts canonical events; here each of the 400 reports is its own
  const reports = await store.listEvents({}, { first: 500 });
  await store.replaceCanonicalEvents(reports.nodes.map(singletonCanonical));
});
afterAll(() => close());

/** `at(data, 'events.edges.0.node.slug')`: reads a path in an answer without a cast per level. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], value);
}
const list = (value: unknown, path: string) => at(value, path) as unknown[];

async function run(query: string, variables?: Record<string, unknown>) {
  return (await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: createContext({ store }),
  })) as ExecutionResult;
}

describe('Query.events', () => {
  it('pages through events with totalCount and cursors', async () => {
    const first = await run(
      '{ events(first: 5) { totalCount edges { cursor node { slug kind } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.errors).toBeUndefined();
    expect(at(first.data, 'events.totalCount')).toBe(400);
    expect(list(first.data, 'events.edges')).toHaveLength(5);
    const next = await run(
      'query($after: String) { events(first: 5, after: $after) { edges { node { slug } } } }',
      {
        after: at(first.data, 'events.pageInfo.endCursor'),
      },
    );
    const slugs = list(next.data, 'events.edges').map((e) => at(e, 'node.slug'));
    expect(slugs).toHaveLength(5);
    expect(slugs).not.toContain(at(first.data, 'events.edges.0.node.slug'));
  });

  it.each([0, 101, -1])('refuses first: %i with BAD_USER_INPUT instead of clamping', async (n) => {
    const result = await run('query($n: Int) { events(first: $n) { totalCount } }', { n });
    expect(result.errors?.[0]?.message).toMatch(/first must be from 1 to 100/);
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('filters by kinds and minimum killed', async () => {
    const result = await run(
      '{ events(first: 100, filter: { kinds: [AIRSTRIKE], minKilled: 5 }) { totalCount edges { node { kind casualties { killed { best } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const edges = list(result.data, 'events.edges');
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(at(edge, 'node.kind')).toBe('AIRSTRIKE');
      expect(at(edge, 'node.casualties.killed.best')).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuses a malformed date with BAD_USER_INPUT', async () => {
    const result = await run('{ events(filter: { from: "8 Dec 2016" }) { totalCount } }');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('an event', () => {
  it('exposes codes, place with parents, participants and the claims behind its figures', async () => {
    const result = await run(`{
      events(first: 1, filter: { kinds: [AIRSTRIKE] }) { edges { node {
        id slug codes { acledEventType cameo } occurred { start precision tense }
        location { name place { name coordinates { lat lon } parents { name } } }
        participants { role actor { name actor { slug } } }
        casualties { killed { best claims { sentence article { headline } speaker { text } } } }
        article { headline outlet { name } }
      } } } }`);
    expect(result.errors).toBeUndefined();
    const node = at(result.data, 'events.edges.0.node');
    expect(at(node, 'codes')).toEqual({ acledEventType: 'Explosions/Remote violence', cameo: '195' });
    expect(at(node, 'location.place.name')).toBeTruthy();
    expect(at(node, 'participants.0.role')).toBe('PERPETRATOR');
    expect(list(node, 'casualties.killed.claims').length).toBeGreaterThan(0);
    expect(at(node, 'casualties.killed.claims.0.article.headline')).toBe(at(node, 'article.headline'));
    const again = await run('query($id: ID!) { node(id: $id) { ... on Event { slug } } }', {
      id: at(node, 'id'),
    });
    expect(at(again.data, 'node.slug')).toBe(at(node, 'slug'));
    const bySlug = await run('query($id: ID!) { event(id: $id) { id } }', { id: at(node, 'slug') });
    expect(at(bySlug.data, 'event.id')).toBe(at(node, 'id'));
  });

  it('answers null for an unknown id', async () => {
    const result = await run('{ event(id: "evt_0000000000000000") { slug } }');
    expect(result.errors).toBeUndefined();
    expect(at(result.data, 'event')).toBeNull();
  });
});

describe('other root fields', () => {
  it('searches across articles, claims and events', async () => {
    const result = await run('{ search(text: "hospital", first: 5) { score snippet node { __typename } } }');
    expect(result.errors).toBeUndefined();
    expect(list(result.data, 'search').length).toBeGreaterThan(0);
  });

  it('builds a weekly timeline', async () => {
    const result = await run('{ timeline(granularity: WEEK) { period eventCount killed } }');
    expect(result.errors).toBeUndefined();
    const periods = list(result.data, 'timeline');
    expect(periods.reduce<number>((n, p) => n + (at(p, 'eventCount') as number), 0)).toBe(400);
  });

  it('lists places, actors, outlets and articles', async () => {
    const result = await run(
      '{ places(first: 5) { slug } actors(first: 5) { slug } outlets { slug } articles(first: 3) { totalCount edges { node { headline events { slug } claims { slug } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(list(result.data, 'places')).toHaveLength(5);
    expect(list(result.data, 'outlets').length).toBeGreaterThan(0);
    expect(at(result.data, 'articles.totalCount')).toBe(100);
    expect(list(result.data, 'articles.edges.0.node.events').length).toBeGreaterThan(0);
  });
});
