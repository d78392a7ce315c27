import { LocationPrecision, type Place, PlaceKind } from '@sitrep/schema/place';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { enumFrom } from '../enum-from.ts';
import { cachedByIds, listLimit } from '../page-args.ts';
import { searchText } from '../search-text.ts';

export const PlaceKindEnum = enumFrom(
  'PlaceKind',
  'What sort of place: from region down to landmark.',
  PlaceKind.options,
);
export const LocationPrecisionEnum = enumFrom(
  'LocationPrecision',
  'How precisely an event is placed: an exact spot, a neighbourhood, a city, and so on up.',
  LocationPrecision.options,
);

const Coordinates = builder.objectRef<{ lat: number; lon: number }>('Coordinates').implement({
  description: 'A point in WGS 84 degrees.',
  fields: (t) => ({
    lat: t.exposeFloat('lat', { description: 'Latitude in degrees, north positive.' }),
    lon: t.exposeFloat('lon', { description: 'Longitude in degrees, east positive.' }),
  }),
});

export const PlaceNode = builder.loadableNode('Place', {
  description: "A named place from Sitrep's gazetteer, nested in the places that contain it.",
  id: { resolve: (place) => place.id },
  load: (ids: string[], ctx: SitrepContext) =>
    cachedByIds(ctx, 'place', ids, (missing) => ctx.store.placesByIds(missing)),
  sort: (place) => place.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: "The gazetteer's own id, e.g. `aleppo`." }),
    name: t.exposeString('name', { description: 'The usual English name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings and names the text may use.' }),
    kind: t.expose('kind', { type: PlaceKindEnum, description: 'What sort of place this is.' }),
    country: t.exposeString('country', {
      nullable: true,
      description:
        "ISO 3166-1 alpha-2 country code as the place's own record gives it (null when curated without one); `countryCode` also asks the places containing it.",
    }),
    geonamesId: t.int({
      nullable: true,
      description:
        'GeoNames id (geonames.org), the id ACLED, UCDP and most gazetteers share; null for places only the curated overlay holds and for records stored before it.',
      resolve: (p) => p.geonamesId ?? null,
    }),
    population: t.int({
      nullable: true,
      description: 'Inhabitants as GeoNames counts them (its resolution prior), where known.',
      resolve: (p) => p.population ?? null,
    }),
    coordinates: t.field({
      type: Coordinates,
      nullable: true,
      description: 'Where it is, or null when the gazetteer has no point for it.',
      resolve: (p) => (p.lat === null || p.lon === null ? null : { lat: p.lat, lon: p.lon }),
    }),
  }),
});

// Country and divisions as the filters see them (`countries`, `admin1`): the place's own, else
// the nearest containing place's, so a neighbourhood curated without them answers its city's.
builder.objectFields(PlaceNode, (t) => ({
  countryCode: t.string({
    nullable: true,
    description:
      "ISO 3166-1 alpha-2 country code (`UA`): the place's own, else the nearest containing place's; null for a region.",
    resolve: (p, _args, ctx) => inherited(p, ctx, (q) => q.country?.toUpperCase()),
  }),
  admin1: t.string({
    nullable: true,
    description:
      "First-level division (province, state, oblast, governorate) by name: the place's own (a governorate is its own), else the nearest containing place's; null where the gazetteer does not know it.",
    resolve: (p, _args, ctx) =>
      inherited(p, ctx, (q) => q.admin1 ?? (q.kind === 'governorate' ? q.name : null)),
  }),
  admin2: t.string({
    nullable: true,
    description:
      "Second-level division (district, county, raion) by name: the place's own, else the nearest containing place's; null where not known.",
    resolve: (p, _args, ctx) => inherited(p, ctx, (q) => q.admin2),
  }),
  parent: t.field({
    type: PlaceNode,
    nullable: true,
    description: 'The place directly containing this one (a neighbourhood’s city).',
    resolve: (p) => p.parentId,
  }),
  parents: t.field({
    type: [PlaceNode],
    description: 'Every containing place, nearest first (neighbourhood → city → governorate → country).',
    resolve: (p, _args, ctx) => ancestors(p, ctx),
  }),
}));

/** `read(place)`, or else the first containing place's that has one; no lookups when the place has its own. */
async function inherited(
  place: Place,
  ctx: SitrepContext,
  read: (p: Place) => string | null | undefined,
): Promise<string | null> {
  const own = read(place);
  if (own) return own;
  if (!place.parentId) return null;
  for (const ancestor of await ancestors(place, ctx)) {
    const value = read(ancestor);
    if (value) return value;
  }
  return null;
}

/** Walks up one level per batch, so a page of places costs one query per nesting level, not per place. */
async function ancestors(place: Place, ctx: SitrepContext): Promise<Place[]> {
  const chain: Place[] = [];
  const seen = new Set([place.id]);
  let next = place.parentId;
  while (next && !seen.has(next)) {
    seen.add(next);
    const parent = await PlaceNode.getDataloader(ctx).load(next);
    if (!parent) break;
    chain.push(parent);
    next = parent.parentId;
  }
  return chain;
}

builder.queryFields((t) => ({
  places: t.field({
    type: [PlaceNode],
    description: 'Places by name or alias (any part of it), optionally only those inside another place.',
    args: {
      search: t.arg.string({
        description: 'Part of a name or alias, any case, diacritics optional (`hamah` finds `Ḩamāh`).',
      }),
      within: t.arg.id({ description: 'Only places inside this place (its slug).' }),
      first: t.arg.int({ defaultValue: 50, description: 'How many, 1 to 100.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 50 }),
    resolve: (_root, args, ctx) => {
      const first = listLimit(args.first, 50);
      return ctx.store.listPlaces({
        ...(args.search ? { search: searchText('search', args.search) } : {}),
        ...(args.within ? { within: String(args.within) } : {}),
        first,
      });
    },
  }),
}));
