import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SitrepStore } from '../src/store.ts';
import { syntheticArticle, syntheticArticles } from '../src/synthetic.ts';
import { engineCases } from './engines.ts';

const OPTIONS = { seed: 11, events: 80, eventsPerArticle: 4 };
const cases = await engineCases();

describe.each(cases)('ingestArticles on $name', (engine) => {
  let store: SitrepStore;
  beforeEach(async () => {
    if (!engine.skip) store = await engine.open();
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'stores a corpus once: a second run reports everything unchanged and writes nothing',
    async () => {
      const records = [...syntheticArticles(OPTIONS)];
      expect(await store.ingestArticles(records)).toEqual({ new: 20, changed: 0, unchanged: 0 });
      const before = await store.counts();
      expect(before).toMatchObject({ articles: 20, events: 80, claims: 80 });
      const writes: string[] = [];
      store.onQuery((q) => {
        if (!/^\s*select/i.test(q.sql)) writes.push(q.sql);
      });
      expect(await store.ingestArticles(records)).toEqual({ new: 0, changed: 0, unchanged: 20 });
      expect(writes.filter((sql) => /^\s*(insert|update|delete)/i.test(sql))).toEqual([]);
      expect(await store.counts()).toEqual(before);
    },
  );

  it.skipIf(engine.skip)(
    'replaces a changed article: its old claims, events and search rows are gone',
    async () => {
      const records = [...syntheticArticles(OPTIONS)];
      await store.ingestArticles(records);
      const old = records[3]!;
      const revised = syntheticArticle(OPTIONS, 3, 1);
      expect(revised.origin).toEqual(old.origin);
      expect(revised.id).not.toBe(old.id);

      expect(await store.ingestArticles([revised, ...records.slice(5, 8)])).toEqual({
        new: 0,
        changed: 1,
        unchanged: 3,
      });
      expect(await store.articlesByIds([old.id, revised.id])).toEqual([
        null,
        expect.objectContaining({ id: revised.id }),
      ]);
      expect(await store.eventsByIds(old.events.map((e) => e.id))).toEqual(old.events.map(() => null));
      expect(await store.claimsByIds(old.claims.map((c) => c.id))).toEqual(old.claims.map(() => null));
      expect((await store.eventsForArticles([revised.id]))[0]).toEqual(revised.events);
      const counts = await store.counts();
      expect(counts.articles).toBe(20);
      expect(counts.events).toBe(80 - old.events.length + revised.events.length);
      const hits = await store.search(revised.headline, 50);
      expect(hits.some((h) => h.articleId === old.id)).toBe(false);
      expect(hits.some((h) => h.id === revised.id)).toBe(true);
    },
  );

  it.skipIf(engine.skip)(
    'names the events a batch would delete, before it is stored: a changed article’s old ones, nothing for an unchanged one',
    async () => {
      const records = [...syntheticArticles(OPTIONS)];
      await store.ingestArticles(records);
      const revised = syntheticArticle(OPTIONS, 3, 1);
      const old = records[3]!.events.map((e) => e.id);
      expect((await store.eventsReplacedBy([records[0]!, revised, records[5]!])).sort()).toEqual(
        [...old].sort(),
      );
      expect(await store.eventsReplacedBy(records)).toEqual([]);
      // it reads only: the batch then deletes exactly those
      await store.ingestArticles([revised]);
      expect((await store.eventsByIds(old)).every((e) => e === null)).toBe(true);
    },
  );

  it.skipIf(engine.skip)('counts duplicates inside one batch once', async () => {
    const a = syntheticArticle(OPTIONS, 0);
    expect(await store.ingestArticles([a, a, syntheticArticle(OPTIONS, 1)])).toEqual({
      new: 2,
      changed: 0,
      unchanged: 1,
    });
  });

  it.skipIf(engine.skip)('returns records exactly as they went in', async () => {
    const a = syntheticArticle(OPTIONS, 2);
    await store.ingestArticles([a]);
    const { claims, events, mentions: _m, ...article } = a;
    expect(await store.articlesByIds([a.id])).toEqual([article]);
    expect(await store.eventsByIds([events[1]!.id, 'evt_missing', events[0]!.id])).toEqual([
      events[1],
      null,
      events[0],
    ]);
    expect(await store.claimsForEvents(events.map((e) => e.id))).toEqual(
      events.map((e) => claims.filter((c) => e.claimIds.includes(c.id))),
    );
  });

  it.skipIf(engine.skip)(
    'lets two writers race on the same articles: each stored once, the loser counts them unchanged',
    async () => {
      const config = await engine.config();
      const [a, b] = [await openStore(config), await openStore(config)];
      try {
        const records = [...syntheticArticles(OPTIONS)];
        const results = await Promise.all([a.ingestArticles(records), b.ingestArticles(records)]);
        expect(results.reduce((n, r) => n + r.new, 0)).toBe(20);
        expect(results.reduce((n, r) => n + r.unchanged, 0)).toBe(20);
        expect(await a.counts()).toMatchObject({ articles: 20, events: 80 });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    },
  );

  it.skipIf(engine.skip)('rolls back the whole batch when one record cannot be stored', async () => {
    const good = syntheticArticle(OPTIONS, 0);
    const bad = syntheticArticle(OPTIONS, 1);
    // Two events with one id break the primary key half-way through the batch.
    const broken = { ...bad, events: [bad.events[0]!, bad.events[0]!] };
    await expect(store.ingestArticles([good, broken])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.counts()).toMatchObject({ articles: 0, events: 0, claims: 0 });
  });
});
