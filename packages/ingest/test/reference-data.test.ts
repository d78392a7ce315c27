import { fileURLToPath } from 'node:url';
import { actorById, ancestorsOf, placeById } from '@sitrep/extract/gazetteer';
import { loadOutlets } from '@sitrep/extract/outlets';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, inputsFromPaths } from '../src/ingest.ts';

// Ingest stores the reference records its articles point at — each place named with its chain
// of parents, each actor named with the actors it belongs to, and the curated outlets — and no
// other: a world gazetteer is far larger than what any archive names.

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const [sqlite] = await engineCases();
let store: SitrepStore;
const records: ExtractedArticle[] = [];
beforeAll(async () => {
  store = await sqlite!.open();
  await ingest(store, inputsFromPaths([CORPUS]), { jobs: 1, onRecord: (r) => records.push(r) });
}, 60_000);
afterAll(() => sqlite!.cleanup());

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe('reference data at ingest', () => {
  it('stores exactly the places the articles name and their parents', async () => {
    const named = records.flatMap((r) => [
      ...r.events.flatMap((e) => (e.location?.placeId ? [e.location.placeId] : [])),
      ...r.mentions.places.flatMap((p) => (p.id ? [p.id] : [])),
    ]);
    const known = named.filter((id) => placeById(id));
    const expected = sorted(known.flatMap((id) => [id, ...ancestorsOf(id).map((p) => p.id)]));
    expect(expected).toContain('place:sy:aleppo:saliheen');
    expect(expected).toContain('place:sy:gov:aleppo');
    const stored = sorted((await store.listPlaces({ first: 5000 })).map((p) => p.id));
    expect(stored).toEqual(expected);
    // and no more: a gazetteer place none of them names
    expect(stored).not.toContain('place:iq:mosul');
  });

  it('finds events in a neighbourhood when asked for its city ("events in Aleppo")', async () => {
    const inSaliheen = await store.listEvents({ placeId: 'place:sy:aleppo:saliheen' }, { first: 100 });
    expect(inSaliheen.totalCount).toBeGreaterThan(0);
    const inAleppo = await store.listEvents({ placeId: 'place:sy:aleppo' }, { first: 500 });
    const ids = new Set(inAleppo.nodes.map((e) => e.id));
    for (const e of inSaliheen.nodes) expect(ids).toContain(e.id);
  });

  it('stores exactly the actors the articles name and those they belong to', async () => {
    const named = records.flatMap((r) => [
      ...r.mentions.actors,
      ...r.events.flatMap((e) => e.participants.map((p) => p.actor)),
      ...r.claims.flatMap((c) => [c.speaker?.actor, c.speaker?.affiliation, ...c.via]),
    ]);
    const expected = new Set<string>();
    for (const ref of named)
      for (
        let at = ref?.id ?? null;
        at && actorById(at) && !expected.has(at);
        at = actorById(at)!.affiliation
      )
        expected.add(at);
    // Sergey Lavrov speaks for Russia
    expect([...expected]).toEqual(expect.arrayContaining(['actor:person:sergey-lavrov', 'actor:state:ru']));
    const stored = sorted((await store.listActors({ first: 5000 })).map((a) => a.id));
    expect(stored).toEqual(sorted(expected));
  });

  it('stores the curated outlets with their kinds', async () => {
    const curated = loadOutlets().list;
    const stored = await store.outletsByIds(curated.map((o) => o.id));
    expect(stored).toEqual(curated);
    expect(stored.find((o) => o?.id === 'sana')?.kind).toBe('state_media');
  });
});
