import { canonicalEvent } from '@sitrep/cluster/canonical-event';
import { restoreClusterState } from '@sitrep/cluster/restore-state';
import { extractArticle } from '@sitrep/extract/extract-article';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { type CanonicalChange, openStore, type SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest.ts';
import { CLUSTER_OPTIONS, storedMentions } from '../src/recluster.ts';
import { changeSetOf, withStableIds } from '../src/stable-canonical-ids.ts';

const cases = await engineCases();
const DAY = '2017-03-28'; // a Tuesday

// Short reports of our own. A and B are one strike (same town, day, kind and toll); C is another
// strike in the same town that day whose toll is too far from A's to be the same one.
const REPORTS = {
  A: ['Air strikes killed 12 people in Douma on Tuesday, rescuers said.', 'Reuters'],
  B: [
    'An air strike killed 12 civilians in Douma on Tuesday, the Syrian Observatory for Human Rights said.',
    'Al Jazeera',
  ],
  C: ['Air strikes killed 90 people in Douma on Tuesday, the monitor said.', 'AFP'],
} as const;

function report(name: keyof typeof REPORTS): ExtractedArticle {
  const [text, outlet] = REPORTS[name];
  return extractArticle({
    text,
    bodyStart: 0,
    origin: { path: `${name}.txt` },
    meta: { headline: `report ${name}`, outlet, publishedAt: DAY, url: null, language: null },
    hints: { publishedAt: null, location: null, label: null },
  });
}

/** A client's copy kept by the change feed: it stores the last cursor and applies what came after. */
class Replica {
  readonly events = new Map<string, CanonicalEvent>();
  readonly mergedInto = new Map<string, string>();
  cursor: string | null = null;

  /** Reads every change after the stored cursor, applies them in order, returns them. */
  async sync(store: SitrepStore, pageSize = 2): Promise<CanonicalChange[]> {
    const seen: CanonicalChange[] = [];
    for (;;) {
      const page = await store.changes({ after: this.cursor, first: pageSize });
      for (const { node } of page.edges) {
        seen.push(node);
        if (node.kind === 'created' || node.kind === 'updated') {
          if (node.event) this.events.set(node.canonicalId, node.event);
        } else {
          this.events.delete(node.canonicalId);
          if (node.mergedInto) this.mergedInto.set(node.canonicalId, node.mergedInto);
        }
      }
      this.cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) return seen;
    }
  }
}

async function storedById(store: SitrepStore): Promise<Map<string, CanonicalEvent>> {
  const page = await store.listCanonicalEvents({}, { first: 500 });
  return new Map(page.nodes.map((e) => [e.id, e]));
}

describe.each(cases)('the change feed over stable canonical ids on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'a report joining an event is one update under the same id: no orphan, no duplicate',
    async () => {
      const config = await engine.config();
      const store = await openStore(config);
      const replica = new Replica();
      await ingest(store, [{ ok: true, record: report('A') }]);
      const first = await replica.sync(store);
      expect(first.map((c) => c.kind)).toEqual(['created']);
      const id = first[0]!.canonicalId;
      expect(first[0]!.event?.mentions).toHaveLength(1);

      // nothing new: the stored cursor gives nothing, and stays what it was
      const cursor = replica.cursor;
      expect(await replica.sync(store)).toEqual([]);
      expect(replica.cursor).toBe(cursor);

      await ingest(store, [{ ok: true, record: report('B') }]);
      const second = await replica.sync(store);
      expect(second.map((c) => [c.kind, c.canonicalId])).toEqual([['updated', id]]);
      expect(second[0]!.event?.mentions).toHaveLength(2);
      expect(second[0]!.event?.corroboration.independentSources).toBeGreaterThan(
        first[0]!.event!.corroboration.independentSources,
      );
      // the copy is the store: one event, both reports, nothing left behind
      expect(replica.events).toEqual(await storedById(store));
      const [b] = report('B').events;
      expect((await store.canonicalEventsForEvents([b!.id]))[0]?.id).toBe(id);

      // the cursor outlives the process: the store opened again gives nothing after it, and the
      // whole feed from no cursor is the same two changes
      await store.close();
      const reopened = await openStore(config);
      try {
        expect((await reopened.changes({ after: replica.cursor })).edges).toEqual([]);
        const all = await reopened.changes({});
        expect(all.edges.map((e) => e.node.kind)).toEqual(['created', 'updated']);
        expect(all.pageInfo.endCursor).toBe(replica.cursor);
      } finally {
        await reopened.close();
      }
    },
    60_000,
  );

  it.skipIf(engine.skip)(
    'a report leaving (its article re-ingested with other text) is an update under the same id, and an event left without reports is removed',
    async () => {
      const store = await engine.open();
      const replica = new Replica();
      await ingest(store, [
        { ok: true, record: report('A') },
        { ok: true, record: report('B') },
      ]);
      const shared = (await replica.sync(store))[0]!.canonicalId;
      await ingest(store, [{ ok: true, record: report('C') }]);
      const alone = (await replica.sync(store))[0]!.canonicalId;
      const oldB = report('B').events.map((e) => e.id);
      const oldC = report('C').events.map((e) => e.id);
      // B's file and C's file now hold other stories: a vote in New York, talks in Geneva
      const other = (name: 'B' | 'C', text: string): ExtractedArticle => {
        const [, outlet] = REPORTS[name];
        return extractArticle({
          text,
          bodyStart: 0,
          origin: { path: `${name}.txt` },
          meta: {
            headline: `report ${name}, corrected`,
            outlet,
            publishedAt: DAY,
            url: null,
            language: null,
          },
          hints: { publishedAt: null, location: null, label: null },
        });
      };
      const counts = await ingest(
        store,
        [
          { ok: true, record: other('B', 'The Security Council voted 13 to 2 in New York on Tuesday.') },
          { ok: true, record: other('C', 'Delegations met in Geneva on Tuesday for talks, the envoy said.') },
        ],
        { batchSize: 1 },
      );
      expect(counts).toMatchObject({ changed: 2 });
      const changes = await replica.sync(store);
      expect(changes).toContainEqual(expect.objectContaining({ kind: 'updated', canonicalId: shared }));
      expect(changes).toContainEqual(expect.objectContaining({ kind: 'removed', canonicalId: alone }));
      const stored = await storedById(store);
      expect(stored.get(shared)?.mentions.map((m) => m.eventId)).toEqual(report('A').events.map((e) => e.id));
      expect(stored.has(alone)).toBe(false);
      expect(replica.events).toEqual(stored);
      for (const id of [...oldB, ...oldC]) expect((await store.canonicalEventsForEvents([id]))[0]).toBeNull();
    },
    60_000,
  );

  it.skipIf(engine.skip)(
    'when two events merge the older id survives and the other is recorded as merged into it',
    async () => {
      const store = await engine.open();
      const replica = new Replica();
      await ingest(store, [{ ok: true, record: report('A') }]);
      await ingest(store, [{ ok: true, record: report('C') }]);
      const created = await replica.sync(store);
      expect(created.map((c) => c.kind)).toEqual(['created', 'created']);
      const [older, newer] = created.map((c) => c.canonicalId) as [string, string];

      // A clustering step that judges A's and C's reports one event (as a changed link rule
      // might): the step's one cluster, under its member hash, mapped onto the stored ids and
      // written as `clusterArticles` writes it.
      const mentions = (await storedMentions(store)).map((r) => r.mention);
      const ids = mentions.map((m) => m.id);
      const state = restoreClusterState(CLUSTER_OPTIONS, mentions, [ids], new Set(ids));
      const fresh = canonicalEvent(state, [...state.clusters.keys()][0]!);
      const stable = await withStableIds(store, [fresh], []);
      await store.clustering.exclusive(() =>
        store.clustering.apply({
          upsertCanonical: stable.events,
          ...changeSetOf(stable),
          addMentions: [],
          removeMentions: [],
          eventDisputed: [],
        }),
      );

      const merged = await replica.sync(store);
      expect(merged.map((c) => [c.kind, c.canonicalId, c.mergedInto])).toEqual([
        ['updated', older, null],
        ['merged', newer, older],
      ]);
      expect([...replica.events.keys()]).toEqual([older]);
      expect(replica.mergedInto.get(newer)).toBe(older);
      expect(replica.events).toEqual(await storedById(store));
      // every report now points at the survivor; the merged id holds nothing
      const linked = await store.canonicalEventsForEvents(mentions.map((m) => m.id));
      expect(linked.map((e) => e?.id)).toEqual(mentions.map(() => older));
      expect(await store.canonicalEventsByIds([newer])).toEqual([null]);
    },
    60_000,
  );

  it.skipIf(engine.skip)('refuses a cursor it did not issue, naming what to do', async () => {
    const store = await engine.open();
    await expect(store.changes({ after: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('start again without one'),
    });
  });
});
