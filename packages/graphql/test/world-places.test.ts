import { encodeGlobalID } from '@pothos/plugin-relay';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { loadWorld, WORLD_ARTICLES, WORLD_EVENTS, worldArticleId, worldKey } from '@sitrep/store/test-world';
import { type ExecutionResult, execute, parse, subscribe } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, createMemoryEventBus } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';

// The world gazetteer's facts through the schema, on both engines: Place.geonamesId,
// countryCode, admin1, admin2, population; EventLocation.geoPrecision; the countries, admin1
// and place-by-name filters on events, canonical events, articles and the timeline. The fixture
// (places in Ukraine, Sudan, Colombia, Syria and two Tripolis) is @sitrep/store's test-world.

const cases = await engineCases();

/** `at(data, 'events.edges.0.node.slug')`: reads a path in an answer without a cast per level. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], value);
}

describe.each(cases)('world places through GraphQL on $name', (engine) => {
  let store: SitrepStore;
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await loadWorld(store);
  });
  afterAll(() => engine.cleanup());

  async function run(query: string, variables?: Record<string, unknown>) {
    return (await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: createContext({ store }),
    })) as ExecutionResult;
  }

  /** Incident keys (sorted) of the events, and of the canonical events, a filter returns; both must agree. */
  async function filtered(filter: Record<string, unknown>): Promise<string[]> {
    const result = await run(
      `query($filter: EventFilter, $canonical: CanonicalEventFilter) {
        events(filter: $filter, first: 100) { totalCount edges { node { slug } } }
        canonicalEvents(filter: $canonical, first: 100) { totalCount edges { node { slug } } }
      }`,
      { filter, canonical: filter },
    );
    expect(result.errors).toBeUndefined();
    const keys = (path: string) =>
      (at(result.data, `${path}.edges`) as { node: { slug: string } }[])
        .map((e) => worldKey(e.node.slug))
        .sort();
    expect(keys('canonicalEvents')).toEqual(keys('events'));
    expect(at(result.data, 'events.totalCount')).toBe(keys('events').length);
    return keys('events');
  }

  it.skipIf(engine.skip)(
    'a place carries its GeoNames id, country code, admin1, admin2, population and point',
    async () => {
      const result = await run(`{ places(search: "kharkiv") {
      slug geonamesId countryCode country admin1 admin2 population coordinates { lat lon } } }`);
      expect(result.errors).toBeUndefined();
      expect(at(result.data, 'places')).toEqual([
        {
          slug: 'w:ua:kharkiv',
          geonamesId: 706483,
          countryCode: 'UA',
          country: 'UA',
          admin1: 'Kharkiv Oblast',
          admin2: 'Kharkiv Raion',
          population: 1430885,
          coordinates: { lat: 49.98, lon: 36.25 },
        },
      ]);
    },
  );

  it.skipIf(engine.skip)(
    'a place stored before the gazetteer facts answers null for them, and its governorate as admin1',
    async () => {
      const result = await run(
        `{ places(search: "halab") { slug geonamesId countryCode admin1 admin2 population } }`,
      );
      expect(at(result.data, 'places')).toEqual([
        {
          slug: 'w:sy:aleppo',
          geonamesId: null,
          countryCode: 'SY',
          admin1: 'Aleppo Governorate',
          admin2: null,
          population: null,
        },
      ]);
    },
  );

  it.skipIf(engine.skip)(
    'a place curated without country or divisions answers those of the place containing it',
    async () => {
      const result = await run(
        `{ places(search: "saltivka") { country countryCode admin1 admin2 geonamesId } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(at(result.data, 'places')).toEqual([
        {
          country: null,
          countryCode: 'UA',
          admin1: 'Kharkiv Oblast',
          admin2: 'Kharkiv Raion',
          geonamesId: null,
        },
      ]);
    },
  );

  it.skipIf(engine.skip)(
    "an event's location gives its geo precision, null for events from before it",
    async () => {
      const result = await run(
        `{ events(first: 100, orderBy: DATE_ASC) { edges { node { slug location { geoPrecision place { slug } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      const got = Object.fromEntries(
        (
          at(result.data, 'events.edges') as {
            node: { slug: string; location: { geoPrecision: number | null } | null };
          }[]
        ).map((e) => [worldKey(e.node.slug), e.node.location?.geoPrecision]),
      );
      const want = Object.fromEntries(
        WORLD_EVENTS.map((e) => [worldKey(e.id), e.location ? (e.location.geoPrecision ?? null) : undefined]),
      );
      expect(got).toEqual(want);
      expect(got).toMatchObject({ kyiv: 1, saltivka: 2, aleppo: null });
    },
  );

  it.skipIf(engine.skip).each([
    ['countries', { countries: ['UA'] }, ['kharkiv', 'kyiv', 'saltivka']],
    ['countries in any case', { countries: ['sd', 'co'] }, ['bogota', 'cucuta', 'el-fasher', 'kadugli']],
    ['countries of older records', { countries: ['SY'] }, ['aleppo', 'aleppo-gov', 'hama']],
    ['an empty countries list is no condition', { countries: [], kinds: ['BOMBING'] }, ['bogota']],
    ['admin1', { admin1: ['Kharkiv Oblast'] }, ['kharkiv', 'saltivka']],
    ['admin1 without its division word', { admin1: ['aleppo'] }, ['aleppo', 'aleppo-gov']],
    [
      'admin1 and countries',
      { countries: ['SD'], admin1: ['North Darfur', 'Norte de Santander'] },
      ['el-fasher'],
    ],
    ['a place name', { place: 'aleppo' }, ['aleppo']],
    ['a place name in another case', { place: 'Kyiv' }, ['kyiv']],
    ['an alias, and the places inside', { place: 'kharkov' }, ['kharkiv', 'saltivka']],
    ['a name with diacritics', { place: 'Ḩamāh' }, ['hama']],
    ['a name without them', { place: 'cucuta' }, ['cucuta']],
    ['a governorate by its alias', { place: 'aleppo province' }, ['aleppo', 'aleppo-gov']],
    ['a name two places share', { place: 'Tripoli' }, ['tripoli']],
    ['a GeoNames id', { place: '703448' }, ['kyiv']],
    ['a slug', { place: 'w:sd:kadugli' }, ['kadugli']],
    ['a global ID', { place: encodeGlobalID('Place', 'w:sd') }, ['el-fasher', 'kadugli']],
    ['a name and a country that do not meet', { place: 'aleppo', countries: ['UA'] }, []],
  ])('events and canonical events filter by %s', async (_name, filter, expected) => {
    expect(await filtered(filter)).toEqual(expected);
  });

  it.skipIf(engine.skip).each([
    [
      { countries: ['UA', 'UKR'] },
      'filter.countries: "UKR" is not an ISO 3166-1 alpha-2 country code (for Ukraine write UA)',
    ],
    [
      { countries: ['UK'] },
      'filter.countries: "UK" is not an ISO 3166-1 alpha-2 country code (for United Kingdom write GB)',
    ],
    [
      { countries: ['Sudan'] },
      'filter.countries: "Sudan" is not an ISO 3166-1 alpha-2 country code (for Sudan write SD)',
    ],
    [{ countries: ['ZZ'] }, 'filter.countries: "ZZ" is not an ISO 3166-1 alpha-2 country code;'],
    [{ admin1: [' '] }, 'filter.admin1 holds an empty name'],
    [{ place: 'Atlantis' }, 'filter.place: no place has the id, GeoNames id, name or alias "Atlantis"'],
  ])('refuses %j with BAD_USER_INPUT naming the value', async (filter, message) => {
    for (const field of ['events', 'canonicalEvents']) {
      const type = field === 'events' ? 'EventFilter' : 'CanonicalEventFilter';
      const result = await run(`query($f: ${type}) { ${field}(filter: $f, first: 5) { totalCount } }`, {
        f: filter,
      });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.message).toContain(message);
      expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it.skipIf(engine.skip)('a subscription with a bad country code is refused when it starts', async () => {
    const result = await subscribe({
      schema,
      document: parse('subscription { eventAdded(filter: { countries: ["UKR"] }) { slug } }'),
      contextValue: createContext({ store }),
    });
    expect(result).toMatchObject({
      errors: [{ message: expect.stringContaining('"UKR"'), extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it.skipIf(engine.skip)(
    'eventAdded with a place name hears only the events at that place or inside it',
    async () => {
      const bus = createMemoryEventBus();
      const stream = (await subscribe({
        schema,
        document: parse('subscription { eventAdded(filter: { place: "Kharkov" }) { slug } }'),
        contextValue: createContext({ store, events: bus }),
      })) as AsyncIterableIterator<ExecutionResult>;
      const first = stream.next();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the subscription is listening
      for (const key of ['sd', 'ua']) {
        const article = WORLD_ARTICLES.find((a) => a.id === worldArticleId(key))!;
        await bus.publish({ articleId: article.id, eventIds: article.events.map((e) => e.id) });
      }
      const heard = [await first, await stream.next()].map((r) =>
        worldKey(at(r.value, 'data.eventAdded.slug') as string),
      );
      await stream.return?.();
      expect(heard.sort()).toEqual(['kharkiv', 'saltivka']);
    },
  );

  it.skipIf(engine.skip)('the timeline takes place names, countries and admin1', async () => {
    const result = await run(`{
      ua: timeline(countries: ["UA"]) { period eventCount killed }
      kharkiv: timeline(place: "Kharkov", admin1: ["Kharkiv Oblast"]) { period eventCount killed }
      sudan: timeline(admin1: ["north darfur", "South Kordofan"], granularity: WEEK) { period eventCount killed }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      ua: [
        { period: '2026-11-02', eventCount: 2, killed: 5 },
        { period: '2026-11-03', eventCount: 1, killed: 1 },
      ],
      kharkiv: [
        { period: '2026-11-02', eventCount: 1, killed: 2 },
        { period: '2026-11-03', eventCount: 1, killed: 1 },
      ],
      sudan: [{ period: '2026-11-02', eventCount: 2, killed: 17 }],
    });
    const bad = await run('{ timeline(countries: ["XX"]) { period } }');
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it.skipIf(engine.skip)('articles filter by a place name', async () => {
    const result = await run(
      '{ articles(filter: { place: "El Fasher" }, first: 5) { totalCount edges { node { headline } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      articles: { totalCount: 1, edges: [{ node: { headline: 'World fixture: sd' } }] },
    });
  });
});
