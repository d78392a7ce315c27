import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION } from '@sitrep/extract/extractor-version';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { openStore } from '@sitrep/store/store';
import { dumpStore } from '@sitrep/store/test-dump';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterArticles } from '../src/cluster-articles.ts';
import { type IngestItem, ingest } from '../src/ingest.ts';
import { extracted } from './extracted.ts';
import { allCanonical, expectSameAsFull, withoutIds } from './full-clustering.ts';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const cases = await engineCases();

async function corpusRecords(): Promise<ExtractedArticle[]> {
  const out: ExtractedArticle[] = [];
  for await (const item of extracted([CORPUS])) if (item.ok) out.push(item.record);
  expect(out).toHaveLength(5);
  return out;
}

/**
 * What an older extractor might have made of the same text: the same ids (they derive from
 * the text), but every event without its participants and casualty figures, another summary,
 * and no quotes.
 */
function olderExtraction(r: ExtractedArticle, version: number | null): ExtractedArticle {
  return {
    ...r,
    extractorVersion: version,
    claims: r.claims.filter((c) => c.kind !== 'quote'),
    events: r.events.map((e) => ({
      ...e,
      summary: `old: ${e.summary}`,
      participants: [],
      casualties: { killed: null, injured: null, missing: null },
    })),
  };
}

/** Whether any canonical event counts the dead: none does from the older extraction. */
const countsKilled = (events: readonly CanonicalEvent[]) => events.some((c) => c.figures.killed !== null);

const items = (records: readonly ExtractedArticle[]): IngestItem[] =>
  records.map((record) => ({ ok: true, record, validated: true }));

describe.each(cases)('re-extraction by a newer extractor on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    're-ingesting the same files replaces an older extraction, and the store ends as if it had only ever seen the new one',
    async () => {
      const records = await corpusRecords();
      expect(records.every((r) => r.extractorVersion === EXTRACTOR_VERSION)).toBe(true);

      const upgraded = await engine.config();
      const store = await openStore(upgraded);
      // Stored by an extractor from before versions (null), then by this one.
      expect(await ingest(store, items(records.map((r) => olderExtraction(r, null))))).toMatchObject({
        new: 5,
        changed: 0,
        unchanged: 0,
      });
      const before = await allCanonical(store);
      expect(countsKilled(before)).toBe(false);

      expect(await ingest(store, items(records))).toMatchObject({ new: 0, changed: 5, unchanged: 0 });
      // and again: nothing left to do
      expect(await ingest(store, items(records))).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
      const after = await expectSameAsFull(store);
      expect(countsKilled(after)).toBe(true);

      const fresh = await engine.config();
      const straight = await openStore(fresh);
      await ingest(straight, items(records));
      expect(withoutIds(await allCanonical(straight))).toEqual(withoutIds(after));
      // the quotes the older extraction lacked are filed for date inference, as in a fresh store
      const ids = records.map((r) => r.id);
      const filed = async (s: typeof store) =>
        [...(await s.clustering.quoteShingles(ids))].map(([id, xs]) => [id, xs.toSorted()]).sort();
      expect((await filed(straight)).length).toBeGreaterThan(0);
      expect(await filed(store)).toEqual(await filed(straight));
      await store.close();
      await straight.close();
      expect(await dumpStore(upgraded)).toEqual(await dumpStore(fresh));
    },
    120_000,
  );

  it.skipIf(engine.skip)(
    'keeps a newer or equal extraction, an unversioned record, and the same text with the same metadata from another origin',
    async () => {
      const records = await corpusRecords();
      const store = await engine.open();
      const newer = records.map((r) => olderExtraction(r, EXTRACTOR_VERSION + 1));
      await ingest(store, items(newer));
      // an older extractor (this one, against version + 1) does not undo a newer one's work
      expect(await ingest(store, items(records))).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
      // a record without a version (pre-extracted JSON Lines from before versions) replaces nothing
      const unversioned = records.map((r) => ({ ...r, extractorVersion: null }));
      expect(await ingest(store, items(unversioned))).toMatchObject({ unchanged: 5 });
      expect(countsKilled(await allCanonical(store))).toBe(false);

      const other = await engine.open();
      await ingest(other, items(records));
      // the same text with the same metadata arriving from another file is the same article: unchanged
      const elsewhere = records.map((r) => ({ ...r, origin: { path: `copy/${r.origin.path}` } }));
      expect(await ingest(other, items(elsewhere))).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
    },
    120_000,
  );

  it.skipIf(engine.skip)(
    'a re-extraction stored without its clustering step (a crash between them) is clustered afresh by the next step',
    async () => {
      const records = await corpusRecords();
      const store = await engine.open();
      await ingest(store, items(records.map((r) => olderExtraction(r, null))));
      expect(await store.clustering.version()).not.toBeNull();
      // ingestArticles alone: the rows, without the clustering step that ingest runs after them
      expect(await store.ingestArticles(records)).toEqual({ new: 0, changed: 5, unchanged: 0 });
      expect(await store.clustering.version()).toBeNull();
      const step = await clusterArticles(store, records);
      expect(step.mode).toBe('full');
      const after = await expectSameAsFull(store);
      expect(countsKilled(after)).toBe(true);
    },
    120_000,
  );
});
