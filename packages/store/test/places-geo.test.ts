import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { Place } from '@sitrep/schema/place';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrations.ts';
import type { EventFilter } from '../src/query-types.ts';
import { openStore, type SitrepStore } from '../src/store.ts';
import { engineCases } from './engines.ts';
import {
  loadWorld,
  WORLD_ARTICLES,
  WORLD_EVENTS,
  WORLD_PLACES,
  worldArticleId,
  worldEventId,
  worldKey,
} from './world-fixture.ts';

// The world gazetteer's facts through the store (migration 0008): places keep their GeoNames
// id, admin1, admin2 and population, event locations their geo precision, records from before
// them load unchanged, and events filter by country, first-level division and place name.

const cases = await engineCases();

/** Incident keys of the events a filter returns, sorted. */
async function keysOf(store: SitrepStore, filter: EventFilter): Promise<string[]> {
  const page = await store.listEvents(filter, { first: 100 });
  expect(page.totalCount).toBe(page.nodes.length);
  return page.nodes.map((e) => worldKey(e.id)).sort();
}

const FILTERS: [string, EventFilter, string[]][] = [
  ['one country', { countries: ['UA'] }, ['kharkiv', 'kyiv', 'saltivka']],
  ['two countries, any case', { countries: ['sd', 'CO'] }, ['bogota', 'cucuta', 'el-fasher', 'kadugli']],
  ['a country of records from before the gazetteer', { countries: ['SY'] }, ['aleppo', 'aleppo-gov', 'hama']],
  ['a country with no events', { countries: ['MM'] }, []],
  ['an empty list of countries', { countries: [] }, []],
  ['admin1 by its full name', { admin1: ['Kharkiv Oblast'] }, ['kharkiv', 'saltivka']],
  ['admin1 without its division word, any case', { admin1: ['kharkiv'] }, ['kharkiv', 'saltivka']],
  ['admin1 inherited from a governorate', { admin1: ['Aleppo'] }, ['aleppo', 'aleppo-gov']],
  ['admin1 as the governorate is named', { admin1: ['Aleppo Governorate'] }, ['aleppo', 'aleppo-gov']],
  ['several admin1', { admin1: ['North Darfur', 'south kordofan'] }, ['el-fasher', 'kadugli']],
  ['admin1 with diacritics folded', { admin1: ['Bogotá D.C.'] }, ['bogota']],
  ['country and admin1 together', { countries: ['CO'], admin1: ['Norte de Santander'] }, ['cucuta']],
  ['country and admin1 that do not meet', { countries: ['UA'], admin1: ['North Darfur'] }, []],
  [
    'country with kind and date',
    { countries: ['UA', 'SD'], kinds: ['drone_strike'], from: '2026-11-04' },
    ['kadugli'],
  ],
  ['place ids and what is inside them', { placeIds: ['w:ua:kharkiv'] }, ['kharkiv', 'saltivka']],
  ['two places a name stands for', { placeIds: ['w:ly:tripoli', 'w:lb:tripoli'] }, ['tripoli']],
  ['an empty list of places', { placeIds: [] }, []],
];

describe('the world fixture', () => {
  it('is schema-valid: new records and records from before the GeoNames facts alike', () => {
    for (const p of WORLD_PLACES) expect(Place.parse(p)).toMatchObject(p);
    for (const a of WORLD_ARTICLES) expect(() => ExtractedArticle.parse(a)).not.toThrow();
  });
});

describe.each(cases)('places and geo precision on $name', (engine) => {
  let store: SitrepStore;
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await loadWorld(store);
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'places come back with their GeoNames id, admin1, admin2 and population',
    async () => {
      const ids = WORLD_PLACES.map((p) => p.id);
      expect(await store.placesByIds(ids)).toEqual(WORLD_PLACES);
      const [kharkiv] = await store.placesByIds(['w:ua:kharkiv']);
      expect(kharkiv).toMatchObject({
        geonamesId: 706483,
        admin1: 'Kharkiv Oblast',
        admin2: 'Kharkiv Raion',
        population: 1430885,
      });
      // a record from before the gazetteer has none of the keys, and gains none
      const [aleppo] = await store.placesByIds(['w:sy:aleppo']);
      expect(Object.keys(aleppo!).sort()).toEqual([
        'aliases',
        'country',
        'id',
        'kind',
        'lat',
        'lon',
        'name',
        'parentId',
      ]);
    },
  );

  it.skipIf(engine.skip)(
    'event locations keep their geo precision; older events load without one',
    async () => {
      const stored = await store.eventsByIds(WORLD_EVENTS.map((e) => e.id));
      expect(stored).toEqual(WORLD_EVENTS);
      const byKey = (key: string) => stored.find((e) => e?.id === worldEventId(key))!;
      expect(byKey('kyiv').location?.geoPrecision).toBe(1);
      expect(byKey('kadugli').location?.geoPrecision).toBe(2);
      expect('geoPrecision' in byKey('aleppo').location!).toBe(false);
      const canonical = await store.canonicalEventsByIds(
        [worldEventId('saltivka'), worldEventId('hama')].map((id) => id.replace('evt_', 'cev_')),
      );
      expect(canonical.map((c) => c?.location?.geoPrecision)).toEqual([2, undefined]);
    },
  );

  it.skipIf(engine.skip).each(FILTERS)('events filter: %s', async (_name, filter, expected) => {
    expect(await keysOf(store, filter)).toEqual(expected);
  });

  it.skipIf(engine.skip).each(FILTERS)('canonical events filter: %s', async (_name, filter, expected) => {
    const { kinds, from, countries, admin1, placeIds } = filter;
    const page = await store.listCanonicalEvents(
      { kinds, from, countries, admin1, placeIds },
      { first: 100 },
    );
    expect(page.totalCount).toBe(page.nodes.length);
    expect(page.nodes.map((c) => worldKey(c.id)).sort()).toEqual(expected);
  });

  it.skipIf(engine.skip)('the timeline and daily sums take the same place filters', async () => {
    const days = await store.timeline({ countries: ['UA'], granularity: 'day' });
    expect(days.map((d) => [d.period, d.events, d.killed])).toEqual([
      ['2026-11-02', 2, 5],
      ['2026-11-03', 1, 1],
    ]);
    const sums = await store.dailyAggregates({ admin1: ['Aleppo'] });
    expect(sums).toEqual([{ date: '2016-12-08', placeId: null, events: 2, killed: 11, injured: 0 }]);
  });

  it.skipIf(engine.skip)('articles filter by the places a name stands for', async () => {
    const page = await store.listArticles({ placeIds: ['w:sd:kadugli'] }, { first: 10 });
    expect(page.nodes.map((a) => a.id)).toEqual([worldArticleId('sd')]);
  });

  it.skipIf(engine.skip).each([
    ['aleppo', ['w:sy:aleppo']],
    ['KYIV', ['w:ua:kyiv']],
    ['kiev', ['w:ua:kyiv']],
    ['  Kharkov ', ['w:ua:kharkiv']],
    ['Ḩamāh', ['w:sy:hama']],
    ['hamah', ['w:sy:hama']],
    ['al fashir', ['w:sd:el-fasher']],
    ['BOGOTA', ['w:co:bogota']],
    ['cucuta', ['w:co:cucuta']],
    ['Tripoli', ['w:lb:tripoli', 'w:ly:tripoli']],
    ['w:ua:kharkiv', ['w:ua:kharkiv']],
    ['703448', ['w:ua:kyiv']],
    ['Atlantis', []],
    ['', []],
  ])('findPlaceIds(%j) → %j', async (text, expected) => {
    expect(await store.findPlaceIds(text)).toEqual(expected);
  });

  it.skipIf(engine.skip).each([
    ['hamah', ['Hama']],
    ['cucut', ['Cúcuta']],
    ['FASHIR', ['El Fasher']],
    ['tripoli', ['Tripoli', 'Tripoli']],
    ['50%', []],
  ])('listPlaces(search: %j) matches names and aliases folded, in part', async (search, names) => {
    expect((await store.listPlaces({ search })).map((p) => p.name)).toEqual(names);
  });

  it.skipIf(engine.skip)('a bad country code is BAD_USER_INPUT naming the code', async () => {
    await expect(store.listEvents({ countries: ['UA', 'UKR'] }, { first: 5 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('"UKR"'),
    });
  });

  it.skipIf(engine.skip)(
    "a place's new admin1 or country reaches the places inside it; a renamed place is found by its new name",
    async () => {
      const own = await engine.open();
      try {
        await loadWorld(own);
        const kharkiv = WORLD_PLACES.find((p) => p.id === 'w:ua:kharkiv')!;
        await own.upsertPlaces([
          { ...kharkiv, name: 'Kharkiv city', aliases: ['Charkiw'], admin1: 'Kharkivska' },
        ]);
        expect(await keysOf(own, { admin1: ['Kharkivska'] })).toEqual(['kharkiv', 'saltivka']);
        expect(await keysOf(own, { admin1: ['Kharkiv Oblast'] })).toEqual([]);
        expect(await own.findPlaceIds('charkiw')).toEqual(['w:ua:kharkiv']);
        expect(await own.findPlaceIds('kharkov')).toEqual([]);
        // a country's code reaches the places that have none of their own, and only those
        await own.upsertPlaces([
          { ...WORLD_PLACES.find((p) => p.id === 'w:ua')!, country: 'XK' },
          { ...kharkiv, country: null },
        ]);
        expect(await keysOf(own, { countries: ['XK'] })).toEqual(['kharkiv', 'saltivka']);
        expect(await keysOf(own, { countries: ['UA'] })).toEqual(['kyiv']);
      } finally {
        await own.close();
      }
    },
  );

  it.skipIf(engine.skip)(
    'migration 0008 fills in places stored before it: their countries, admin1 and names',
    async () => {
      const config = await engine.config();
      const db = await connect(config, () => {});
      try {
        await migrateToLatest(
          db as never,
          config.engine,
          config.engine === 'postgres' ? config.schema : undefined,
          '0007-feeds',
        );
        // rows as the store wrote them before 0008: no country, admin1, GeoNames or name keys
        const old = db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
        await old
          .insertInto('places')
          .values(
            WORLD_PLACES.map((p) => ({
              id: p.id,
              name: p.name,
              kind: p.kind,
              parent_id: p.parentId,
              search_names: [p.name, ...p.aliases].map((n) => n.toLowerCase()).join('|'),
              record: JSON.stringify(p),
            })),
          )
          .execute();
      } finally {
        await db.destroy();
      }
      const upgraded = await openStore(config);
      try {
        await upgraded.ingestArticles(WORLD_ARTICLES);
        expect(await upgraded.findPlaceIds('Ḩamāh')).toEqual(['w:sy:hama']);
        expect(await upgraded.findPlaceIds('706483')).toEqual(['w:ua:kharkiv']);
        expect(await keysOf(upgraded, { countries: ['UA'] })).toEqual(['kharkiv', 'kyiv', 'saltivka']);
        expect(await keysOf(upgraded, { admin1: ['aleppo'] })).toEqual(['aleppo', 'aleppo-gov']);
      } finally {
        await upgraded.close();
      }
    },
  );
});
