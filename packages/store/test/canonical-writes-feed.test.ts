import { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import type { CanonicalChange, CanonicalExportFacts, SitrepStore } from '../src/store.ts';
import { openStore } from '../src/store.ts';
import { exportFactsOf } from '../src/write/canonical-export-facts.ts';
import { loadSmallCorpus } from './corpus.ts';
import { engineCases } from './engines.ts';

const cases = await engineCases();

/** A canonical event of these reports under `id`, valid against the schema; `cohesion` marks a changed record. */
function canonical(id: string, members: readonly Event[], cohesion = 1): CanonicalEvent {
  const first = members[0]!;
  return CanonicalEvent.parse({
    id,
    kind: first.kind,
    family: 'violence',
    occurred: { start: first.occurred.start, end: first.occurred.end, precision: 'day' },
    location: first.location,
    mentions: members.map((m) => ({
      eventId: m.id,
      articleId: m.articleId,
      outlet: null,
      originalSource: null,
      kind: m.kind,
    })),
    corroboration: { outlets: members.length, independentSources: members.length, sources: [] },
    figures: { killed: null, injured: null, missing: null },
    disputed: false,
    contradictions: [],
    cohesion,
  });
}

/** Every change after `after`, and the cursor after the last. */
async function changesAfter(store: SitrepStore, after: string | null) {
  const seen: CanonicalChange[] = [];
  for (;;) {
    const page = await store.changes({ after, first: 3 });
    seen.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { seen, after };
  }
}

const summary = (changes: CanonicalChange[]) =>
  changes.map((c) => (c.mergedInto ? [c.kind, c.canonicalId, c.mergedInto] : [c.kind, c.canonicalId]));

describe.each(cases)('every write of canonical events on $name', (engine) => {
  let events: Event[];
  beforeAll(async () => {
    if (engine.skip) return;
    const store = await engine.open();
    ({ events } = await loadSmallCorpus(store));
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'replaceCanonicalEvents records created, updated, merged and removed once each, unchanged events not at all',
    async () => {
      const store = await engine.open();
      await loadSmallCorpus(store);
      const [e1, e2, e3, e4, e5] = events as [Event, Event, Event, Event, Event];
      await store.replaceCanonicalEvents([
        canonical('cev_000000000000000a', [e1]),
        canonical('cev_000000000000000b', [e2]),
        canonical('cev_000000000000000c', [e3]),
        canonical('cev_000000000000000d', [e5]),
      ]);
      const first = await changesAfter(store, null);
      expect(summary(first.seen)).toEqual([
        ['created', 'cev_000000000000000a'],
        ['created', 'cev_000000000000000b'],
        ['created', 'cev_000000000000000c'],
        ['created', 'cev_000000000000000d'],
      ]);

      // A takes B's report (B merges into A), C stays as it was, D's report is gone, E is new
      await store.replaceCanonicalEvents([
        canonical('cev_000000000000000a', [e1, e2], 0.8),
        canonical('cev_000000000000000c', [e3]),
        canonical('cev_000000000000000e', [e4]),
      ]);
      const second = await changesAfter(store, first.after);
      expect(summary(second.seen)).toEqual([
        ['created', 'cev_000000000000000e'],
        ['updated', 'cev_000000000000000a'],
        ['merged', 'cev_000000000000000b', 'cev_000000000000000a'],
        ['removed', 'cev_000000000000000d'],
      ]);
      expect(second.seen[1]!.event?.mentions.map((m) => m.eventId)).toEqual([e1.id, e2.id]);

      // the same set again: nothing changed, nothing recorded
      await store.replaceCanonicalEvents([
        canonical('cev_000000000000000a', [e1, e2], 0.8),
        canonical('cev_000000000000000c', [e3]),
        canonical('cev_000000000000000e', [e4]),
      ]);
      expect((await changesAfter(store, second.after)).seen).toEqual([]);
    },
    60_000,
  );

  it.skipIf(engine.skip)(
    'a clustering write without a change set gets its changes worked out, once each',
    async () => {
      const store = await engine.open();
      await loadSmallCorpus(store);
      const [e1, e2, e3] = events as [Event, Event, Event];
      const step = { addMentions: [], removeMentions: [], eventDisputed: [] };
      await store.clustering.apply({
        ...step,
        upsertCanonical: [canonical('cev_000000000000000a', [e1]), canonical('cev_000000000000000b', [e2])],
        removeCanonical: [],
      });
      const first = await changesAfter(store, null);
      expect(summary(first.seen)).toEqual([
        ['created', 'cev_000000000000000a'],
        ['created', 'cev_000000000000000b'],
      ]);
      await store.clustering.apply({
        ...step,
        upsertCanonical: [
          canonical('cev_000000000000000a', [e1, e2], 0.8),
          canonical('cev_000000000000000c', [e3]),
        ],
        removeCanonical: ['cev_000000000000000b'],
      });
      const second = await changesAfter(store, first.after);
      expect(summary(second.seen)).toEqual([
        ['created', 'cev_000000000000000c'],
        ['updated', 'cev_000000000000000a'],
        ['merged', 'cev_000000000000000b', 'cev_000000000000000a'],
      ]);
      await store.clustering.replace(
        { ...step, upsertCanonical: [canonical('cev_000000000000000c', [e3])], removeCanonical: [] },
        'test',
      );
      const third = await changesAfter(store, second.after);
      expect(summary(third.seen)).toEqual([['removed', 'cev_000000000000000a']]);
    },
    60_000,
  );

  it.skipIf(engine.skip)(
    'migration 0013 gives canonical events stored before it the facts a write gives them',
    async () => {
      const config = await engine.config();
      const store = await openStore(config);
      const { articles } = await loadSmallCorpus(store);
      const groups = new Map<string, Event[]>();
      for (const e of events) {
        const key = `${e.kind}|${e.location?.placeId}|${e.occurred.start}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      const written = [...groups.values()].map((members, i) =>
        canonical(`cev_${i.toString(16).padStart(16, '0')}`, members),
      );
      await store.replaceCanonicalEvents(written);
      const ids = written.map((c) => c.id);
      const atWrite = await store.canonicalExportFacts(ids);
      await store.close();

      // the store as Sitrep left it before 0013: the same tables, without the facts
      const db = await connect(config, () => {});
      try {
        const schema = config.engine === 'postgres' ? sql`${sql.id(config.schema!)}.` : sql``;
        await sql`drop table ${schema}canonical_export_facts`.execute(db);
        await sql`delete from ${schema}kysely_migration where name = '0013-canonical-export-facts'`.execute(
          db,
        );
      } finally {
        await db.destroy();
      }

      const upgraded = await openStore(config);
      try {
        const backfilled = await upgraded.canonicalExportFacts(ids);
        expect(backfilled).toEqual(atWrite);
        // and they are the facts of each event's own reports and articles
        const byId = new Map(events.map((e) => [e.id, e]));
        const articleRows = new Map(
          articles.map((a) => [a.id, { headline: a.headline, published_date: a.publishedAt.date }]),
        );
        const expected: CanonicalExportFacts[] = written.map((c) => exportFactsOf(c, byId, articleRows));
        expect(backfilled).toEqual(expected);
        let scanned = 0;
        for await (const batch of upgraded.scanCanonicalExportFacts({}, { batch: 7 }))
          scanned += batch.length;
        expect(scanned).toBe(written.length);
      } finally {
        await upgraded.close();
      }
    },
    60_000,
  );
});
