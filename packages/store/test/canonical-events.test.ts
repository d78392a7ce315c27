import { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitrepStore } from '../src/store.ts';
import { loadSmallCorpus, placeAndInside } from './corpus.ts';
import { engineCases } from './engines.ts';

const cases = await engineCases();

/** A stand-in clustering (same kind, place and day = one event), valid against the schema. */
function cluster(events: Event[]): CanonicalEvent[] {
  const groups = new Map<string, Event[]>();
  for (const e of events) {
    const key = `${e.kind}|${e.location?.placeId}|${e.occurred.start}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((members, i) => {
    const killed = members.map((m) => m.casualties.killed?.best ?? 0);
    const first = members[0]!;
    return CanonicalEvent.parse({
      id: `cev_${i.toString(16).padStart(16, '0')}`,
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
      figures: {
        killed: first.casualties.killed
          ? {
              low: Math.min(...killed),
              best: Math.max(...killed),
              high: Math.max(...killed),
              rule: 'test',
              disputed: false,
              competing: [],
              reports: [],
            }
          : null,
        injured: null,
        missing: null,
      },
      disputed: false,
      contradictions: [],
      cohesion: 1,
    });
  });
}

describe.each(cases)('canonical events on $name', (engine) => {
  let store: SitrepStore;
  let events: Event[];
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    ({ events } = await loadSmallCorpus(store));
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'stores a clustering result, links every mention and replaces it atomically',
    async () => {
      const first = cluster(events);
      await store.replaceCanonicalEvents(first);
      expect((await store.listCanonicalEvents({}, { first: 1 })).totalCount).toBe(first.length);
      const linked = await store.canonicalEventsForEvents(events.map((e) => e.id));
      for (const [i, c] of linked.entries())
        expect(c?.mentions.map((m) => m.eventId)).toContain(events[i]!.id);

      const second = cluster(events.slice(0, 40));
      await store.replaceCanonicalEvents(second);
      expect((await store.listCanonicalEvents({}, { first: 1 })).totalCount).toBe(second.length);
      expect(await store.canonicalEventsForEvents([events[399]!.id])).toEqual([null]);
      expect(await store.canonicalEventsByIds([second[0]!.id, 'cev_missing'])).toEqual([second[0], null]);
    },
  );

  // Issue 20 item 12: under load, pages read during a clustering step came back with a canonical
  // event the step had just replaced ("Cannot return null for non-nullable field
  // CanonicalEventEdge.node"): the page read its ids and its records in two statements.
  it.skipIf(engine.skip)(
    'never pages a canonical event without its record while another connection replaces them',
    async () => {
      const writer = await engine.open();
      const a = cluster(events);
      // the same events under other ids, so each swap removes every id a page may have just read
      const b = a.map((c) => ({ ...c, id: c.id.replace('cev_0', 'cev_f') }));
      await writer.replaceCanonicalEvents(a);
      let stop = false;
      const swapping = (async () => {
        for (let i = 0; !stop; i++) await writer.replaceCanonicalEvents(i % 2 ? a : b);
      })();
      let missing = 0;
      let pages = 0;
      const until = Date.now() + 4_000;
      try {
        while (Date.now() < until || pages < 20) {
          const page = await store.listCanonicalEvents({}, { first: 20 });
          missing += page.nodes.filter((n) => !n).length + page.edges.filter((e) => !e.node).length;
          pages++;
        }
      } finally {
        stop = true;
        await swapping;
      }
      expect({ pages: pages > 0, missing }).toEqual({ pages: true, missing: 0 });
    },
    30_000,
  );

  it.skipIf(engine.skip)('pages by severity and filters by place and corroboration', async () => {
    const all = cluster(events);
    await store.replaceCanonicalEvents(all);
    const inAleppo = placeAndInside('syn-gov-aleppo');
    const expected = all
      .filter(
        (c) =>
          inAleppo.has(c.location!.placeId!) &&
          c.corroboration.independentSources >= 1 &&
          (c.figures.killed?.best ?? -1) >= 5,
      )
      .sort((a, b) => (b.figures.killed?.best ?? 0) - (a.figures.killed?.best ?? 0) || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);
    const got: string[] = [];
    let after: string | null = null;
    do {
      const page = await store.listCanonicalEvents(
        { placeId: 'syn-gov-aleppo', minSources: 1, minKilled: 5 },
        { first: 7, after, orderBy: 'SEVERITY' },
      );
      got.push(...page.nodes.map((c) => c.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(expected.length).toBeGreaterThan(7);
    expect(got).toEqual(expected);
  });
});
