import type { SitrepStore } from '@sitrep/store/store';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';
import { openSyntheticStore } from './synthetic-store.ts';

let store: SitrepStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(400));
});
afterAll(() => close());

const PAGE = parse(`query($n: Int!) {
  events(first: $n) { totalCount edges { node {
    kind summary
    article { headline outlet { name } }
    location { name place { name parent { name } } }
    participants { role actor { name actor { name kind } } }
    casualties { killed { best claims { sentence speaker { text } } } }
  } } }
}`);

/** Store calls one page costs, counted by the store's own instrumentation. */
async function storeCalls(n: number): Promise<{ calls: number; queries: number; events: number }> {
  const before = { calls: store.stats.calls, queries: store.stats.queries };
  const result = await execute({
    schema,
    document: PAGE,
    variableValues: { n },
    contextValue: createContext({ store }),
  });
  expect(result.errors).toBeUndefined();
  const events = (result.data as { events: { edges: unknown[] } }).events.edges.length;
  return { calls: store.stats.calls - before.calls, queries: store.stats.queries - before.queries, events };
}

describe('a page of events with articles, places and participants', () => {
  it('costs a small, fixed number of store calls however large the page', async () => {
    const small = await storeCalls(5);
    const large = await storeCalls(100);
    expect(large.events).toBe(100);
    // listEvents, articles, outlets, places, parent places, actors, claims: one batch each
    expect(large.calls).toBeLessThanOrEqual(7);
    // the same calls and SQL statements for 100 events as for 5
    expect(large).toEqual({ ...small, events: 100 });
  });
});
