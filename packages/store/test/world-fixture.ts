import { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { contentHash } from '@sitrep/schema/ids';
import type { Place } from '@sitrep/schema/place';
import type { SitrepStore } from '../src/store.ts';

/**
 * A small world for the place filters: places in Ukraine, Sudan, Colombia and Syria (and two
 * Tripolis), and one event at each, written here as records — no dataset text. The Syrian
 * places and events are shaped as records were before the world gazetteer (no GeoNames id,
 * admin1, admin2, population or geo precision at all), so every suite that loads this also
 * proves older records still load beside new ones. GeoNames ids and populations are GeoNames'
 * own for the places that have them here; the others are left out, as for curated places.
 */
const country = (id: string, name: string, code: string, geonamesId?: number): Place => ({
  id,
  name,
  aliases: [],
  kind: 'country',
  parentId: null,
  lat: null,
  lon: null,
  country: code,
  ...(geonamesId ? { geonamesId } : {}),
});

export const WORLD_PLACES: Place[] = [
  country('w:ua', 'Ukraine', 'UA', 690791),
  {
    id: 'w:ua:kyiv',
    name: 'Kyiv',
    aliases: ['Kiev'],
    kind: 'city',
    parentId: 'w:ua',
    lat: 50.45,
    lon: 30.52,
    country: 'UA',
    geonamesId: 703448,
    admin1: 'Kyiv City',
    admin2: null,
    population: 2797553,
  },
  {
    id: 'w:ua:kharkiv',
    name: 'Kharkiv',
    aliases: ['Kharkov'],
    kind: 'city',
    parentId: 'w:ua',
    lat: 49.98,
    lon: 36.25,
    country: 'UA',
    geonamesId: 706483,
    admin1: 'Kharkiv Oblast',
    admin2: 'Kharkiv Raion',
    population: 1430885,
  },
  // curated without a country or admin1: both come from its city
  {
    id: 'w:ua:kharkiv:saltivka',
    name: 'Saltivka',
    aliases: [],
    kind: 'neighbourhood',
    parentId: 'w:ua:kharkiv',
    lat: 50.03,
    lon: 36.3,
    country: null,
  },
  country('w:sd', 'Sudan', 'SD', 366755),
  {
    id: 'w:sd:el-fasher',
    name: 'El Fasher',
    aliases: ['Al-Fashir'],
    kind: 'city',
    parentId: 'w:sd',
    lat: 13.63,
    lon: 25.35,
    country: 'SD',
    admin1: 'North Darfur',
  },
  {
    id: 'w:sd:kadugli',
    name: 'Kadugli',
    aliases: [],
    kind: 'city',
    parentId: 'w:sd',
    lat: 11.01,
    lon: 29.72,
    country: 'SD',
    admin1: 'South Kordofan',
  },
  country('w:co', 'Colombia', 'CO', 3686110),
  {
    id: 'w:co:bogota',
    name: 'Bogotá',
    aliases: ['Bogota'],
    kind: 'city',
    parentId: 'w:co',
    lat: 4.61,
    lon: -74.08,
    country: 'CO',
    geonamesId: 3688689,
    admin1: 'Bogota D.C.',
    population: 7674366,
  },
  {
    id: 'w:co:cucuta',
    name: 'Cúcuta',
    aliases: [],
    kind: 'city',
    parentId: 'w:co',
    lat: 7.89,
    lon: -72.5,
    country: 'CO',
    admin1: 'Norte de Santander',
  },
  // Syria as the curated gazetteer has it: records from before the GeoNames facts
  { ...country('w:sy', 'Syria', 'SY') },
  {
    id: 'w:sy:gov:aleppo',
    name: 'Aleppo Governorate',
    aliases: ['Aleppo province'],
    kind: 'governorate',
    parentId: 'w:sy',
    lat: null,
    lon: null,
    country: 'SY',
  },
  {
    id: 'w:sy:aleppo',
    name: 'Aleppo',
    aliases: ['Halab'],
    kind: 'city',
    parentId: 'w:sy:gov:aleppo',
    lat: 36.2,
    lon: 37.16,
    country: 'SY',
  },
  {
    id: 'w:sy:gov:hama',
    name: 'Hama Governorate',
    aliases: [],
    kind: 'governorate',
    parentId: 'w:sy',
    lat: null,
    lon: null,
    country: 'SY',
  },
  {
    id: 'w:sy:hama',
    name: 'Hama',
    aliases: ['Ḩamāh'],
    kind: 'city',
    parentId: 'w:sy:gov:hama',
    lat: 35.13,
    lon: 36.76,
    country: 'SY',
  },
  // one name, two countries
  {
    id: 'w:ly:tripoli',
    name: 'Tripoli',
    aliases: [],
    kind: 'city',
    parentId: null,
    lat: 32.89,
    lon: 13.19,
    country: 'LY',
    admin1: 'Tripoli',
  },
  {
    id: 'w:lb:tripoli',
    name: 'Tripoli',
    aliases: [],
    kind: 'city',
    parentId: null,
    lat: 34.44,
    lon: 35.85,
    country: 'LB',
    admin1: 'North Governorate',
  },
];

interface Incident {
  /** the event id's tail, and what the tests name it by */
  key: string;
  kind: Event['kind'];
  day: string;
  placeId: string | null;
  where: string;
  killed: number;
  /** ACLED geo precision; absent means a record from before the field */
  geoPrecision?: 1 | 2 | 3;
  sentence: string;
}

/** The incidents, one article per country; sentences are made up for the fixture. */
const ARTICLES: { key: string; day: string; incidents: Incident[] }[] = [
  {
    key: 'ua',
    day: '2026-11-03',
    incidents: [
      {
        key: 'kyiv',
        kind: 'drone_strike',
        day: '2026-11-02',
        placeId: 'w:ua:kyiv',
        where: 'Kyiv',
        killed: 3,
        geoPrecision: 1,
        sentence: 'Drones hit a block of flats in Kyiv, killing 3 people.',
      },
      {
        key: 'kharkiv',
        kind: 'shelling',
        day: '2026-11-02',
        placeId: 'w:ua:kharkiv',
        where: 'Kharkiv',
        killed: 2,
        geoPrecision: 1,
        sentence: 'A missile struck Kharkiv, killing 2 people.',
      },
      {
        key: 'saltivka',
        kind: 'airstrike',
        day: '2026-11-03',
        placeId: 'w:ua:kharkiv:saltivka',
        where: 'Saltivka',
        killed: 1,
        geoPrecision: 2,
        sentence: 'A glide bomb fell near Saltivka, killing 1 person.',
      },
    ],
  },
  {
    key: 'sd',
    day: '2026-11-04',
    incidents: [
      {
        key: 'el-fasher',
        kind: 'shelling',
        day: '2026-11-03',
        placeId: 'w:sd:el-fasher',
        where: 'El Fasher',
        killed: 12,
        geoPrecision: 1,
        sentence: 'Shelling of El Fasher killed 12 people.',
      },
      {
        key: 'kadugli',
        kind: 'drone_strike',
        day: '2026-11-04',
        placeId: 'w:sd:kadugli',
        where: 'Kadugli',
        killed: 5,
        geoPrecision: 2,
        sentence: 'A drone strike outside Kadugli killed 5 people.',
      },
    ],
  },
  {
    key: 'co',
    day: '2026-11-05',
    incidents: [
      {
        key: 'bogota',
        kind: 'bombing',
        day: '2026-11-05',
        placeId: 'w:co:bogota',
        where: 'Bogotá',
        killed: 4,
        geoPrecision: 1,
        sentence: 'A car bomb in Bogotá killed 4 people.',
      },
      {
        key: 'cucuta',
        kind: 'armed_clash',
        day: '2026-11-05',
        placeId: 'w:co:cucuta',
        where: 'Cúcuta',
        killed: 6,
        geoPrecision: 2,
        sentence: 'Fighting near Cúcuta killed 6 people.',
      },
    ],
  },
  {
    key: 'sy',
    day: '2016-12-09',
    incidents: [
      {
        key: 'aleppo',
        kind: 'airstrike',
        day: '2016-12-08',
        placeId: 'w:sy:aleppo',
        where: 'Aleppo',
        killed: 9,
        sentence: 'Air strikes on Aleppo killed 9 people.',
      },
      {
        key: 'aleppo-gov',
        kind: 'shelling',
        day: '2016-12-08',
        placeId: 'w:sy:gov:aleppo',
        where: 'Aleppo province',
        killed: 2,
        sentence: 'Shelling in Aleppo province killed 2 people.',
      },
      {
        key: 'hama',
        kind: 'airstrike',
        day: '2016-12-09',
        placeId: 'w:sy:hama',
        where: 'Hama',
        killed: 7,
        sentence: 'An air strike on Hama killed 7 people.',
      },
      {
        key: 'unplaced',
        kind: 'attack',
        day: '2016-12-09',
        placeId: null,
        where: 'the north',
        killed: 1,
        sentence: 'An attack in the north killed 1 person.',
      },
    ],
  },
  {
    key: 'ly',
    day: '2026-11-06',
    incidents: [
      {
        key: 'tripoli',
        kind: 'armed_clash',
        day: '2026-11-06',
        placeId: 'w:ly:tripoli',
        where: 'Tripoli',
        killed: 2,
        geoPrecision: 1,
        sentence: 'Clashes in Tripoli killed 2 people.',
      },
    ],
  },
];

const hex = (text: string) => contentHash(`world-fixture:${text}`).slice(0, 16);
/** Event id of an incident by its key: `worldEventId('kyiv')`; its canonical event's is `cev_` + the same. */
export const worldEventId = (key: string) => `evt_${hex(key)}`;
/** The incident key of a world event's or canonical event's id. */
export const worldKey = (id: string): string =>
  new Map(ARTICLES.flatMap((a) => a.incidents.map((i) => [hex(i.key), i.key] as const))).get(id.slice(4)) ??
  id;
/** Article id of a country's article by its key: `worldArticleId('sd')`. */
export const worldArticleId = (key: string) => `art_${hex(`article:${key}`)}`;

function article(a: (typeof ARTICLES)[number]): ExtractedArticle {
  const id = worldArticleId(a.key);
  let text = '';
  const placed = a.incidents.map((inc) => {
    const start = text.length;
    text += `${inc.sentence}\n\n`;
    return { inc, span: { start, end: start + inc.sentence.length } };
  });
  const events: Event[] = placed.map(({ inc, span }) => ({
    id: worldEventId(inc.key),
    articleId: id,
    kind: inc.kind,
    summary: inc.sentence,
    occurred: { start: inc.day, end: inc.day, precision: 'day', tense: 'past', text: inc.day, reason: null },
    location: inc.placeId
      ? {
          name: inc.where,
          placeId: inc.placeId,
          precision: 'city',
          ...(inc.geoPrecision ? { geoPrecision: inc.geoPrecision } : {}),
        }
      : null,
    participants: [],
    casualties: {
      killed: { best: inc.killed, low: null, high: null, qualifier: 'exact', group: 'people', breakdown: {} },
      injured: null,
      missing: null,
    },
    count: null,
    vote: null,
    claimIds: [],
    evidence: [{ articleId: id, sentence: inc.sentence, span }],
  }));
  return {
    id,
    headline: `World fixture: ${a.key}`,
    kicker: null,
    standfirst: null,
    byline: null,
    dateline: null,
    outlet: null,
    url: null,
    credits: [],
    publishedAt: {
      date: a.day,
      precision: 'day',
      basis: 'metadata',
      confidence: 1,
      reason: null,
      evidence: null,
    },
    captions: [],
    paragraphs: placed.map(({ inc, span }) => ({ text: inc.sentence, span })),
    language: 'en',
    wordCount: text.split(/\s+/).filter(Boolean).length,
    contentHash: contentHash(text),
    origin: { externalId: `world-fixture-${a.key}` },
    hints: { publishedAt: null, location: null, label: null },
    extractorVersion: null,
    claims: [],
    events,
    mentions: { actors: [], places: [] },
  };
}

export const WORLD_ARTICLES: ExtractedArticle[] = ARTICLES.map(article);
export const WORLD_EVENTS: Event[] = WORLD_ARTICLES.flatMap((a) => a.events);

/** A figure range of one report's best figure, as clustering gives a single report's (test data). */
function singleFigure(best: number | undefined | null) {
  if (best == null) return null;
  return { low: best, best, high: best, rule: 'one report', disputed: false, competing: [], reports: [] };
}

/** A per-article event as its own canonical event (id `cev_…` for `evt_…`), its best figures kept. */
export function singletonCanonical(e: Event): CanonicalEvent {
  return CanonicalEvent.parse({
    id: e.id.replace('evt_', 'cev_'),
    kind: e.kind,
    family: 'violence',
    occurred: { start: e.occurred.start, end: e.occurred.end, precision: 'day' },
    location: e.location,
    mentions: [{ eventId: e.id, articleId: e.articleId, outlet: null, originalSource: null, kind: e.kind }],
    corroboration: { outlets: 1, independentSources: 1, sources: [] },
    figures: {
      killed: singleFigure(e.casualties.killed?.best),
      injured: singleFigure(e.casualties.injured?.best),
      missing: null,
    },
    disputed: false,
    contradictions: [],
    cohesion: 1,
  });
}

/** One canonical event per incident (each its own cluster, id `cev_world_<key>`), valid against the schema. */
export const WORLD_CANONICAL_EVENTS: CanonicalEvent[] = WORLD_EVENTS.map(singletonCanonical);

/** Stores the world's places, articles and canonical events, as ingest would (places first). */
export async function loadWorld(store: SitrepStore): Promise<void> {
  await store.upsertPlaces(WORLD_PLACES);
  await store.ingestArticles(WORLD_ARTICLES);
  await store.replaceCanonicalEvents(WORLD_CANONICAL_EVENTS);
}
