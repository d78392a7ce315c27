import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawArticleFromInput } from '@sitrep/ingest/article-input';
import { ingest } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { type ExecutionResult, execute, parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';

// A canonical event can still name an event that is gone when the stored clustering is not kept
// up to date with a changed article (here `recluster: false`; in a deployment, a clustering
// another version wrote, awaiting its rebuild). Its reports are then the ones that exist, not a
// null where the schema promises an event (issue 20 item 12's defence).
const REUTERS = 'https://example.org/reuters/al-bab';
const TEXTS = [
  {
    text: 'Air strikes kill 12 civilians in Aleppo\n\nAir strikes on the town of al-Bab in Aleppo province killed 12 civilians on Monday, the Syrian Observatory for Human Rights said.',
    outlet: 'Reuters',
    url: REUTERS,
  },
  {
    text: 'Dozens dead in al-Bab raids\n\nWarplanes struck al-Bab in Aleppo province on Monday, killing 25 people, the local council said.',
    outlet: 'Al Jazeera',
    url: 'https://example.org/aljazeera/al-bab',
  },
];
const CHANGED = {
  text: 'Talks in Geneva\n\nDelegations met in Geneva on Tuesday to discuss a ceasefire, the UN envoy said.',
  outlet: 'Reuters',
  url: REUTERS,
};

const item = (t: (typeof TEXTS)[number]) => ({
  ok: true as const,
  ...rawArticleFromInput({ ...t, publishedAt: '2016-07-19' }, t.url),
});

const dir = mkdtempSync(join(tmpdir(), 'sitrep-graphql-vanished-'));
let store: SitrepStore;
let before: string[];
beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  await ingest(store, TEXTS.map(item), { jobs: 1 });
  before = (await store.listCanonicalEvents({}, { first: 10 })).edges.flatMap((e) =>
    e.node.mentions.map((m) => m.eventId),
  );
  const summary = await ingest(store, [item(CHANGED)], { jobs: 1, recluster: false });
  expect(summary).toMatchObject({ changed: 1 });
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('leaves out of a canonical event the reports whose events are gone, without an error', async () => {
  const gone = (await store.eventsByIds(before)).flatMap((e, i) => (e === null ? [before[i]] : []));
  expect(gone.length, 'the changed article took some clustered events with it').toBeGreaterThan(0);
  const result = (await execute({
    schema,
    document: parse(`{ canonicalEvents(first: 10) { edges { node {
      mentions { slug mentions { slug } } reports { event { slug } article { headline } } } } } }`),
    contextValue: createContext({ store }),
  })) as ExecutionResult<{
    canonicalEvents: {
      edges: {
        node: {
          mentions: { slug: string; mentions: { slug: string }[] }[];
          reports: { event: { slug: string } }[];
        };
      }[];
    };
  }>;
  expect(result.errors).toBeUndefined();
  const nodes = result.data?.canonicalEvents.edges.map((e) => e.node) ?? [];
  const named = nodes.flatMap((n) => [
    ...n.mentions.flatMap((m) => [m.slug, ...m.mentions.map((x) => x.slug)]),
    ...n.reports.map((r) => r.event.slug),
  ]);
  expect(named.length).toBeGreaterThan(0);
  for (const id of gone) expect(named).not.toContain(id);
});
