import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterMentions } from '@sitrep/cluster/cluster-mentions';
import { mentionsFromArticle } from '@sitrep/cluster/event-mention';
import { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { type IngestItem, ingest } from '../src/ingest.ts';
import { CLUSTER_OPTIONS, type ReclusterResult } from '../src/recluster.ts';
import { extracted } from './extracted.ts';
import { withoutIds } from './full-clustering.ts';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const cases = await engineCases();

async function allCanonical(store: SitrepStore): Promise<CanonicalEvent[]> {
  const page = await store.listCanonicalEvents({}, { first: 500, orderBy: 'DATE_ASC' });
  expect(page.pageInfo.hasNextPage).toBe(false);
  return page.nodes.toSorted((a, b) => a.id.localeCompare(b.id));
}

describe.each(cases)('ingest clusters the store into canonical events on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'persists the corpus clustering deterministically: same ids on re-ingest, the same events in any order, nothing duplicated',
    async () => {
      const items: IngestItem[] = [];
      for await (const item of extracted([CORPUS])) items.push(item);
      const records = items.flatMap((i) => (i.ok ? [i.record] : []));
      expect(records.length).toBe(5);
      const eventIds = records.flatMap((r) => r.events.map((e) => e.id)).sort();
      expect(eventIds.length).toBeGreaterThan(0);

      const store = await engine.open();
      const reverse = await engine.open();
      const runs: ReclusterResult[] = [];
      await ingest(store, items, {
        batchSize: 2,
        clusterEvery: 'batch',
        onRecluster: (r) => runs.push(r),
      });
      // The first batch finds no clustering (a new store) and builds it; the others add to it.
      expect(runs.map((r) => r.mode)).toEqual(['full', 'incremental', 'incremental']);
      expect(runs.reduce((n, r) => n + (r.mode === 'full' ? r.loaded : r.mentions), 0)).toBe(eventIds.length);
      const first = await allCanonical(store);

      // What the store holds is what clustering the extracted records in memory gives.
      const expected = clusterMentions(records.flatMap(mentionsFromArticle), CLUSTER_OPTIONS);
      expect(withoutIds(first)).toEqual(withoutIds(expected));
      for (const e of first) expect(CanonicalEvent.safeParse(e).success).toBe(true);

      // Every stored event sits in exactly one canonical event.
      const members = first.flatMap((c) => c.mentions.map((m) => m.eventId)).sort();
      expect(members).toEqual(eventIds);
      const linked = await store.canonicalEventsForEvents(eventIds);
      expect(linked.every((c) => c !== null)).toBe(true);
      for (const [i, id] of eventIds.entries())
        expect(linked[i]!.mentions.map((m) => m.eventId)).toContain(id);

      // Re-ingesting the same corpus changes nothing and duplicates nothing.
      const writes: string[] = [];
      const stop = store.onQuery(({ sql }) => {
        if (/^\s*(insert|update|delete)/i.test(sql)) writes.push(sql);
      });
      const reruns: ReclusterResult[] = [];
      const again = await ingest(store, items, { onRecluster: (r) => reruns.push(r) });
      stop();
      expect(again).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
      expect(reruns.map((r) => [r.mode, r.written])).toEqual([['incremental', false]]);
      expect(writes).toEqual([]);
      expect(await allCanonical(store)).toEqual(first);

      // Another store, fed the articles in reverse order one per batch: the same events (an event
      // keeps the id of its first reports, so ids follow the order reports came in).
      await ingest(reverse, items.toReversed(), { batchSize: 1, clusterEvery: 'batch' });

      expect(withoutIds(await allCanonical(reverse))).toEqual(withoutIds(first));
    },
    120_000,
  );

  it.skipIf(engine.skip)(
    'by default a bulk load clusters once in full and a smaller later run steps incrementally, to the same result',
    async () => {
      const items: IngestItem[] = [];
      for await (const item of extracted([CORPUS])) items.push(item);
      const records = items.flatMap((i) => (i.ok ? [i.record] : []));
      const store = await engine.open();
      const runs: ReclusterResult[] = [];
      // Three articles into an empty store, in batches of one: one full pass, not three steps.
      await ingest(store, items.slice(0, 3), { batchSize: 1, onRecluster: (r) => runs.push(r) });
      expect(runs.map((r) => r.mode)).toEqual(['full']);
      // Two more into a store of three: fewer than it held, so one incremental step.
      await ingest(store, items.slice(3), { batchSize: 1, onRecluster: (r) => runs.push(r) });
      expect(runs.map((r) => r.mode)).toEqual(['full', 'incremental']);
      expect(withoutIds(await allCanonical(store))).toEqual(
        withoutIds(clusterMentions(records.flatMap(mentionsFromArticle), CLUSTER_OPTIONS)),
      );
    },
    120_000,
  );

  it.skipIf(engine.skip)(
    'recluster: false leaves canonical events alone; a re-run over unchanged input repairs them',
    async () => {
      const store = await engine.open();
      const items: IngestItem[] = [];
      for await (const item of extracted([join(CORPUS, '003_7e8356547cb68094.txt')])) items.push(item);
      await ingest(store, items, { recluster: false });
      expect((await store.listCanonicalEvents({}, { first: 10 })).totalCount).toBe(0);
      // As after a crash between the last batch and the clustering: a re-run over the same,
      // now unchanged, input brings the canonical events in.
      const rerun = await ingest(store, items);
      expect(rerun).toMatchObject({ new: 0, unchanged: 1 });
      const events = (await store.counts()).events;
      const canonical = await store.listCanonicalEvents({}, { first: 500 });
      expect(canonical.nodes.flatMap((c) => c.mentions)).toHaveLength(events);
    },
    60_000,
  );
});
