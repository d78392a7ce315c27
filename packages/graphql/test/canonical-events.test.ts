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

/** Two outlets on one strike with different tolls (FA-KES style), and an unrelated report. */
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

const dir = mkdtempSync(join(tmpdir(), 'sitrep-graphql-canonical-'));
let store: SitrepStore;
beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  // ingest stores the places and actors the reports name (al-Bab within Aleppo) with them.
  const summary = await ingest(
    store,
    TEXTS.map((t) => ({
      ok: true as const,
      ...rawArticleFromInput({ ...t, publishedAt: '2016-07-19' }, t.url),
    })),
    { jobs: 1 },
  );
  expect(summary).toMatchObject({ new: 3, failed: 0 });
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The answer's data, typed by the caller (the test reads only what its query selects). */
async function run<T>(query: string): Promise<T> {
  const result = (await execute({
    schema,
    document: parse(query),
    contextValue: createContext({ store }),
  })) as ExecutionResult;
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

interface Slug {
  slug: string;
}
interface FigureReportAnswer {
  value: number;
  reportedBy: string;
  article: Slug;
}
interface CanonicalAnswer {
  id: string;
  slug: string;
  kind: string;
  disputed: boolean;
  location: { name: string; place: Slug | null } | null;
  mentions: Slug[];
  reports: { outlet: string | null; originalSource: string | null; event: Slug }[];
  corroboration: { outlets: number; independentSources: number; sources: { name: string; role: string }[] };
  figures: {
    killed: {
      low: number;
      best: number;
      high: number;
      disputed: boolean;
      rule: string;
      competing: FigureReportAnswer[];
      reports: { value: number }[];
    } | null;
    injured: { best: number } | null;
  };
  contradictions: unknown[];
}
interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
}

describe('canonical events over GraphQL', () => {
  it('gives the strike two outlets, two independent sources and a disputed toll with who said what', async () => {
    const data = await run<{ canonicalEvents: Page<CanonicalAnswer> }>(`{
      canonicalEvents(first: 10, filter: { disputed: true }) {
        totalCount
        edges { node {
          id slug kind disputed
          occurred { start end precision }
          location { name place { slug } }
          mentions { slug article { slug } }
          reports { outlet originalSource event { slug } }
          corroboration { outlets independentSources sources { name role } }
          figures {
            killed { low best high disputed rule competing { value reportedBy article { slug } } reports { value } }
            injured { best }
          }
          contradictions { denials { text } }
        } }
      }
    }`);
    expect(data.canonicalEvents.totalCount).toBe(1);
    const node = data.canonicalEvents.edges[0]!.node;
    expect(node.slug).toMatch(/^cev_[0-9a-f]{16}$/);
    expect(node.kind).toBe('AIRSTRIKE');
    expect(node.disputed).toBe(true);
    expect(node.location?.place?.slug).toBe('place:sy:al-bab');
    expect(node.mentions).toHaveLength(2);
    expect(node.reports.map((r) => r.outlet).sort()).toEqual(['Al Jazeera', 'Reuters']);
    expect(node.corroboration.outlets).toBe(2);
    expect(node.corroboration.independentSources).toBe(2);
    expect(node.corroboration.sources).toContainEqual({
      name: 'Syrian Observatory for Human Rights',
      role: 'PRIMARY',
    });
    expect(node.corroboration.sources).toContainEqual({ name: 'the local council', role: 'PRIMARY' });
    const killed = node.figures.killed!;
    expect([killed.low, killed.best, killed.high, killed.disputed]).toEqual([12, 12, 25, true]);
    expect(killed.rule.length).toBeGreaterThan(0);
    expect(killed.competing.map((c) => [c.value, c.reportedBy]).sort()).toEqual([
      [12, 'Syrian Observatory for Human Rights'],
      [25, 'the local council'],
    ]);
    expect(node.figures.injured).toBeNull();
    expect(node.contradictions).toEqual([]);

    const again = await run<{ canonicalEvent: Slug }>(`{ canonicalEvent(id: "${node.id}") { slug } }`);
    expect(again.canonicalEvent.slug).toBe(node.slug);
  });

  it('links every per-article event to its canonical event, and both reports of the strike to the same one', async () => {
    type WithMentions = Slug & { mentions: Slug[] };
    const data = await run<{ events: Page<Slug & { canonical: WithMentions | null }> }>(
      '{ events(first: 100) { totalCount edges { node { slug canonical { slug mentions { slug } } } } } }',
    );
    const edges = data.events.edges;
    expect(edges.length).toBeGreaterThanOrEqual(3);
    for (const { node } of edges) {
      expect(node.canonical).not.toBeNull();
      expect(node.canonical?.mentions.map((m) => m.slug)).toContain(node.slug);
    }
    const all = await run<{ canonicalEvents: Page<WithMentions> }>(
      '{ canonicalEvents(first: 100) { totalCount edges { node { slug mentions { slug } } } } }',
    );
    const memberships = all.canonicalEvents.edges.flatMap((e) => e.node.mentions.map((m) => m.slug));
    expect(memberships.sort()).toEqual(edges.map((e) => e.node.slug).sort());
    expect(all.canonicalEvents.edges.filter((e) => e.node.mentions.length === 2)).toHaveLength(1);
  });

  it('filters canonical events by kind and date', async () => {
    const none = await run<{ canonicalEvents: Page<never> }>(
      '{ canonicalEvents(first: 10, filter: { from: "2017-01-01" }) { totalCount } }',
    );
    expect(none.canonicalEvents.totalCount).toBe(0);
    const strikes = await run<{ canonicalEvents: Page<never> }>(
      '{ canonicalEvents(first: 10, filter: { kinds: [AIRSTRIKE], from: "2016-07-18", to: "2016-07-18" }) { totalCount } }',
    );
    expect(strikes.canonicalEvents.totalCount).toBe(1);
  });
});
