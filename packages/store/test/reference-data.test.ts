import type { Place } from '@sitrep/schema/place';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store.ts';
import { syntheticPlaces } from '../src/synthetic.ts';
import { engineCases } from './engines.ts';

// Places are stored as ingest meets them, by more than one process at once (two API processes,
// an ingest beside a serving API): each write rebuilds the closure that makes "in Aleppo" take
// in its neighbourhoods, and two rebuilds at once must both succeed and leave it whole. On
// PostgreSQL, where writers run side by side; SQLite takes one writing transaction at a time by
// design (two connections in one thread, as here, would only wait on each other).

const cases = (await engineCases()).filter((engine) => engine.name === 'postgres');

/** The synthetic gazetteer under its own ids, so each writer brings places the other does not. */
function gazetteer(tag: string): Place[] {
  return syntheticPlaces().map((p) => ({
    ...p,
    id: `${p.id}-${tag}`,
    parentId: p.parentId ? `${p.parentId}-${tag}` : null,
  }));
}

describe.each(cases)('upsertPlaces on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'two stores writing new places at once both succeed, and every place is found within its ancestors',
    async () => {
      const config = await engine.config();
      const [a, b] = [await openStore(config), await openStore(config)];
      try {
        const tags: string[] = [];
        for (let round = 0; round < 5; round++) {
          const mine = [`${round}a`, `${round}b`];
          tags.push(...mine);
          await Promise.all([a.upsertPlaces(gazetteer(mine[0]!)), b.upsertPlaces(gazetteer(mine[1]!))]);
        }
        for (const tag of tags) {
          const places = gazetteer(tag);
          const within = await a.listPlaces({ within: `syn-sy-${tag}`, first: 1000 });
          expect(within.map((p) => p.id).sort()).toEqual(places.map((p) => p.id).sort());
          const inAleppo = await b.listPlaces({ within: `syn-city-aleppo-${tag}`, first: 1000 });
          expect(inAleppo.map((p) => p.name)).toContain('Saliheen');
        }
      } finally {
        await a.close();
        await b.close();
      }
    },
    60_000,
  );
});
