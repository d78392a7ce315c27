import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawArticleFromInput } from '@sitrep/ingest/article-input';
import { ingest } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { type ExecutionResult, execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';

/** Two outlets on one strike with different tolls, and an unrelated report, all extracted and clustered. */
const TEXTS = [
  {
    text: 'Air strikes kill 12 civilians in Aleppo\n\nAir strikes on the town of al-Bab in Aleppo province killed 12 civilians on Monday, the Syrian Observatory for Human Rights said.',
    outlet: 'Reuters',
    url: 'https://example.org/reuters/al-bab',
  },
  {
    text: 'Dozens dead in al-Bab raids\n\nWarplanes struck al-Bab in Aleppo province on Monday, killing 25 people, the local council said.',
    outlet: 'Al Jazeera',
    url: 'https://example.org/aljazeera/al-bab',
  },
  {
    text: 'Shelling in Douma\n\nShelling on Douma killed three people on Friday, the White Helmets said.',
    outlet: 'AFP',
    url: 'https://example.org/afp/douma',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-graphql-counts-'));
let store: SitrepStore;
beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  await ingest(
    store,
    TEXTS.map((t) => ({
      ok: true as const,
      ...rawArticleFromInput({ ...t, publishedAt: '2016-07-19' }, t.url),
    })),
    { jobs: 1 },
  );
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(query: string): Promise<ExecutionResult> {
  return (await execute({
    schema,
    document: parse(query),
    contextValue: createContext({ store }),
  })) as ExecutionResult;
}

interface Row {
  period: string;
  kind: string | null;
  events: number;
  killed: { best: number; low: number; high: number };
}

describe('Query.eventCounts', () => {
  it('counts the strike two outlets reported once, and sums its disputed toll by its ends', async () => {
    const result = await run(`{
      eventCounts(filter: { from: "2016-07-11", to: "2016-07-19" }, groupBy: [KIND], period: DAY) {
        period kind events killed { best low high } } }`);
    expect(result.errors).toBeUndefined();
    const rows = (result.data as { eventCounts: Row[] }).eventCounts;
    const strikes = rows.filter((r) => r.kind === 'AIRSTRIKE' && r.events > 0);
    expect(strikes).toEqual([
      { period: '2016-07-18', kind: 'AIRSTRIKE', events: 1, killed: { best: 12, low: 12, high: 25 } },
    ]);
    // every day of the range, for every kind seen, zero rows included
    expect(rows.length).toBe(9 * new Set(rows.map((r) => r.kind)).size);
    // the timeline counts the same way: the strike's two reports are one event, its best figure once
    const [day] = await store.timeline({ from: '2016-07-18', to: '2016-07-18' });
    const counted = rows.filter((r) => r.period === '2016-07-18');
    expect(day).toMatchObject({
      events: counted.reduce((n, r) => n + r.events, 0),
      killed: counted.reduce((n, r) => n + r.killed.best, 0),
    });
    const reports = await store.listEvents({ from: '2016-07-18', to: '2016-07-18' }, { first: 100 });
    expect(reports.totalCount).toBeGreaterThan(day!.events);
  });

  it('says what is wrong with a country code', async () => {
    const result = await run('{ eventCounts(countries: ["Syria"]) { events } }');
    expect(result.errors?.[0]?.message).toBe(
      'countries: "Syria" is not an ISO 3166-1 alpha-2 code; write e.g. SY.',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

interface FacetAnswer {
  totalCount: number;
  facets: {
    kinds: { kind: string; count: number }[];
    countries: { country: string | null; count: number }[];
  };
}

describe('facets on the connections', () => {
  it('count canonical events and reports per kind and country for the whole filter, not the page', async () => {
    const result = await run(`{
      canonicalEvents(first: 1) { totalCount facets { kinds { kind count } countries { country count } } }
      events(first: 1) { totalCount facets { kinds { kind count } countries { country count } } } }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as { canonicalEvents: FacetAnswer; events: FacetAnswer };
    const canonical = data.canonicalEvents;
    const reports = data.events;
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    for (const answer of [canonical, reports]) {
      expect(sum(answer.facets.kinds)).toBe(answer.totalCount);
      expect(sum(answer.facets.countries)).toBe(answer.totalCount);
    }
    // the strike two outlets reported: one canonical event, two reports
    expect(canonical.facets.kinds.find((k) => k.kind === 'AIRSTRIKE')?.count).toBe(1);
    expect(reports.facets.kinds.find((k) => k.kind === 'AIRSTRIKE')?.count).toBe(2);
    expect(canonical.facets.countries[0]).toEqual({ country: 'SY', count: canonical.totalCount });
  });
});
