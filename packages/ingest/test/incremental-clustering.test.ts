import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestItem, ingest } from '../src/ingest.ts';
import type { ReclusterResult } from '../src/recluster.ts';
import { extracted } from './extracted.ts';
import { allCanonical, expectSameAsFull } from './full-clustering.ts';

// Incremental clustering at ingest must end exactly where clustering the whole store from
// scratch ends (the same canonical ids and members), whatever the order and batch size, on
// both engines. Proven on FA-KES (804 real articles, ~4,400 event mentions), read from its
// shared location and never copied into the repository.

const FAKES = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);
const fakes = existsSync(FAKES);
if (!fakes) console.warn(`[incremental clustering] FA-KES not found at ${FAKES}: those tests skip`);
const cases = await engineCases();

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

let records: ExtractedArticle[] = [];
beforeAll(async () => {
  if (!fakes) return;
  const all: ExtractedArticle[] = [];
  for await (const item of extracted([FAKES])) if (item.ok) all.push(item.record);
  // FA-KES repeats some unit_ids with other text (the later record wins, so what is stored
  // depends on the order) and some texts under two ids: keep the rows that are unique in both,
  // so every order stores the same events.
  const seen = (key: (r: ExtractedArticle) => string) => {
    const n = new Map<string, number>();
    for (const r of all) n.set(key(r), (n.get(key(r)) ?? 0) + 1);
    return (r: ExtractedArticle) => n.get(key(r)) === 1;
  };
  const uniqueOrigin = seen((r) => r.origin.externalId ?? '');
  const uniqueText = seen((r) => r.contentHash);
  records = all.filter((r) => uniqueOrigin(r) && uniqueText(r));
}, 300_000);

describe.each(cases)('incremental clustering at ingest on $name', (engine) => {
  afterAll(() => engine.cleanup());
  const items = (rs: readonly ExtractedArticle[]): IngestItem[] =>
    rs.map((record) => ({ ok: true, record, validated: true }));

  it.skipIf(engine.skip || !fakes)(
    'FA-KES in three orders and batch sizes gives exactly the full clustering',
    async () => {
      expect(records.length).toBeGreaterThan(750);
      const memberSets: string[][] = [];
      for (const [order, batchSize] of [
        [records, 200],
        [shuffled(records, 3), 7],
        [records.toReversed(), 50],
      ] as const) {
        const store = await engine.open();
        const runs: ReclusterResult[] = [];
        await ingest(store, items(order), {
          batchSize,
          clusterEvery: 'batch',
          onRecluster: (r) => runs.push(r),
        });
        expect(runs[0]?.mode).toBe('full');
        expect(runs.slice(1).every((r) => r.mode === 'incremental')).toBe(true);
        const stored = await expectSameAsFull(store);
        // the same events whatever the order; their ids are their first reports' (stable ids)
        memberSets.push(stored.map((e) => e.mentions.map((m) => m.eventId).join(' ')).sort());
        // Every incremental step read a neighbourhood, not the store.
        const steps = runs.slice(1);
        const mean = steps.reduce((n, r) => n + r.loaded, 0) / steps.length;
        console.log(
          `${engine.name} batches of ${batchSize}: ${stored.length} canonical events, ${steps.length} incremental steps reading ${mean.toFixed(0)} stored mentions on average`,
        );
      }
      expect(memberSets[1]).toEqual(memberSets[0]);
      expect(memberSets[2]).toEqual(memberSets[0]);
    },
    600_000,
  );

  it.skipIf(engine.skip || !fakes)(
    'a changed article leaves its old events’ clusters and joins new ones, as a full clustering would',
    async () => {
      const store = await engine.open();
      const part = records.slice(0, 300);
      await ingest(store, items(part), { batchSize: 100 });
      // The same origins with other text: the second half of the part takes the text of later articles.
      const changed = part.slice(150, 170).map((r, i) => ({ ...records[400 + i]!, origin: r.origin }));
      const runs: ReclusterResult[] = [];
      const counts = await ingest(store, items(changed), { onRecluster: (r) => runs.push(r) });
      expect(counts).toMatchObject({ changed: 20 });
      // Two steps: the old events leave their clusters before the batch deletes them (so no
      // canonical event names an event that is gone), then the new events join.
      expect(runs).toHaveLength(2);
      expect(runs[0]).toMatchObject({ mode: 'incremental', written: true, mentions: expect.any(Number) });
      expect(runs[0]!.removed).toBeGreaterThan(0);
      expect(runs[1]).toMatchObject({ mode: 'incremental', written: true });
      await expectSameAsFull(store);
    },
    300_000,
  );

  it.skipIf(engine.skip)(
    'a clustering written by another version is rebuilt on the next ingest',
    async () => {
      const store = await engine.open();
      const seeds = fileURLToPath(new URL('../../../corpus', import.meta.url));
      const all: IngestItem[] = [];
      for await (const item of extracted([seeds])) all.push(item);
      await ingest(store, all.slice(0, 3));
      // replaceCanonicalEvents writes canonical events without the mention rows: the version goes.
      await store.replaceCanonicalEvents(await allCanonical(store));
      expect(await store.clustering.version()).toBeNull();
      const runs: ReclusterResult[] = [];
      await ingest(store, all.slice(3), { onRecluster: (r) => runs.push(r) });
      expect(runs.map((r) => r.mode)).toEqual(['full']);
      await expectSameAsFull(store);
    },
  );
});
