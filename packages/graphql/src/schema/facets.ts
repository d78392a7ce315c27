import { Lookup } from '@sitrep/export/lookup';
import type { EventKind } from '@sitrep/schema/event';
import type { Place } from '@sitrep/schema/place';
import type { FacetRow, SitrepStore } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import { EventKindEnum } from './event.ts';

export interface Facets {
  kinds: { kind: EventKind; count: number }[];
  countries: { country: string | null; count: number }[];
}

const KindCount = builder.objectRef<Facets['kinds'][number]>('KindCount').implement({
  description: 'How many items of the current filter have this kind.',
  fields: (t) => ({
    kind: t.field({ type: EventKindEnum, description: 'The kind.', resolve: (r) => r.kind }),
    count: t.exposeInt('count', { description: 'Items of this kind.' }),
  }),
});

const CountryCount = builder.objectRef<Facets['countries'][number]>('CountryCount').implement({
  description: 'How many items of the current filter are placed in this country.',
  fields: (t) => ({
    country: t.exposeString('country', {
      nullable: true,
      description:
        'ISO 3166-1 alpha-2 of the place (or of its nearest ancestor that names one); null for items with no place or a place in no known country.',
    }),
    count: t.exposeInt('count', { description: 'Items in this country.' }),
  }),
});

export const FacetsRef = builder.objectRef<Facets>('Facets').implement({
  description:
    'Counts per kind and per country for the whole filter (not the page), most first, so a client can draw its filters without a second query.',
  fields: (t) => ({
    kinds: t.field({ type: [KindCount], description: 'Per kind.', resolve: (f) => f.kinds }),
    countries: t.field({ type: [CountryCount], description: 'Per country.', resolve: (f) => f.countries }),
  }),
});

const byCount = <K extends string | null>(tally: Map<K, number>) =>
  [...tally].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));

/** Sums the store's (kind, place) counts per kind and per country (places read once, with their ancestors). */
export async function facetsOf(store: SitrepStore, rows: readonly FacetRow[]): Promise<Facets> {
  const places = new Lookup<Place>((ids) => store.placesByIds(ids));
  await places.fillWithAncestors(rows.flatMap((r) => (r.placeId ? [r.placeId] : [])));
  const kinds = new Map<EventKind, number>();
  const countries = new Map<string | null, number>();
  for (const r of rows) {
    kinds.set(r.kind as EventKind, (kinds.get(r.kind as EventKind) ?? 0) + r.count);
    const country = places.countryOf(places.get(r.placeId));
    countries.set(country, (countries.get(country) ?? 0) + r.count);
  }
  return {
    kinds: byCount(kinds).map(([kind, count]) => ({ kind, count })),
    countries: byCount(countries).map(([country, count]) => ({ country, count })),
  };
}
