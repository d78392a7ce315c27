import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawArticleFromInput } from '@sitrep/ingest/article-input';
import { ingest } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';

const DAY = '2017-03-28';
// Three short reports of our own, published on DAY: a dated strike, an undated one, a month's total.
const REPORTS = [
  'Air strikes killed 12 people in Douma on Tuesday, rescuers said.',
  'A suspected gas attack killed at least 58 people in Khan Sheikhoun, a monitor said.',
  'Air strikes have killed more than 300 people in Raqqa this month, the monitor said.',
];

let dir: string;
let store: SitrepStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-graphql-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'day.db') });
  // Through the one pipeline, as a client's ingestArticle would: each report at its own URL.
  const summary = await ingest(
    store,
    REPORTS.map((text, i) => ({
      ok: true as const,
      ...rawArticleFromInput(
        { text, url: `https://example.org/r${i}`, outlet: 'Test Wire', publishedAt: DAY },
        `report ${i}`,
      ),
    })),
    { jobs: 1 },
  );
  expect(summary).toMatchObject({ new: REPORTS.length, failed: 0 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function day(precisions: string[]) {
  const result = await execute({
    schema,
    document:
      parse(`query($f: EventFilter) { events(first: 10, filter: $f, orderBy: DATE_ASC) { edges { node {
      occurred { start end precision } casualties { killed { best standing } } } } } }`),
    variableValues: { f: { from: DAY, to: DAY, precisions } },
    contextValue: createContext({ store }),
  });
  expect(result.errors).toBeUndefined();
  const edges = (result.data as { events: { edges: { node: Record<string, unknown> }[] } }).events.edges;
  const best = (n: Record<string, unknown>) =>
    (n.casualties as { killed: { best: number } | null }).killed?.best ?? 0;
  return edges.map((e) => e.node).sort((a, b) => best(a) - best(b));
}

describe('a day’s events as the digest asks for them', () => {
  it('gives the stories, a reported one marked so, each toll an incident’s', async () => {
    expect(await day(['DAY', 'WEEK', 'REPORTED'])).toEqual([
      {
        occurred: { start: DAY, end: DAY, precision: 'DAY' },
        casualties: { killed: { best: 12, standing: 'INCIDENT' } },
      },
      {
        occurred: { start: DAY, end: DAY, precision: 'REPORTED' },
        casualties: { killed: { best: 58, standing: 'INCIDENT' } },
      },
    ]);
  });

  it('gives a month as context, its figure a total', async () => {
    expect(await day(['MONTH', 'YEAR'])).toEqual([
      {
        occurred: { start: '2017-03-01', end: '2017-03-31', precision: 'MONTH' },
        casualties: { killed: { best: 300, standing: 'TOTAL' } },
      },
    ]);
  });
});
