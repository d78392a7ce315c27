import type { Place } from '@sitrep/schema/place';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { admin1Key, placeNameKey } from '../place-keys.ts';
import { chunkIds, chunksFor } from './chunks.ts';

/** The columns a place is filtered by (migration 0008), as they follow from its record and its parents'. */
export interface PlaceGeo {
  country: string | null;
  admin1_key: string | null;
  geonames_id: number | null;
}

/**
 * A place's country and first-level division, its own where its record gives them, else its
 * nearest container's: a neighbourhood curated without either is in its city's country and
 * governorate. A place of kind `governorate` with no `admin1` is its own first-level division.
 */
export function placeGeo(places: ReadonlyMap<string, Place>): Map<string, PlaceGeo> {
  const out = new Map<string, PlaceGeo>();
  const resolve = (id: string, seen: Set<string>): PlaceGeo => {
    const known = out.get(id);
    if (known) return known;
    const place = places.get(id);
    if (!place) return { country: null, admin1_key: null, geonames_id: null };
    seen.add(id); // a cycle in bad reference data stops here instead of recursing forever
    const parent = place.parentId && !seen.has(place.parentId) ? resolve(place.parentId, seen) : null;
    const ownAdmin1 = place.admin1 ?? (place.kind === 'governorate' ? place.name : null);
    const geo: PlaceGeo = {
      country: place.country?.toUpperCase() ?? parent?.country ?? null,
      admin1_key: ownAdmin1 ? admin1Key(ownAdmin1) : (parent?.admin1_key ?? null),
      geonames_id: place.geonamesId ?? null,
    };
    out.set(id, geo);
    return geo;
  };
  for (const id of places.keys()) resolve(id, new Set());
  return out;
}

/** The name keys a place is found under by `findPlaceIds`: its name and every alias. */
export function nameKeyRows(place: Place): { name_key: string; place_id: string }[] {
  const keys = new Set([place.name, ...place.aliases].map(placeNameKey).filter(Boolean));
  return [...keys].map((name_key) => ({ name_key, place_id: place.id }));
}

/** Rewrites the name keys of `changed` places (their names or aliases may have moved). */
export async function writeNameKeys(db: Kysely<Database>, changed: readonly Place[]): Promise<void> {
  for (const part of chunkIds(changed.map((p) => p.id)))
    await db.deleteFrom('place_names').where('place_id', 'in', part).execute();
  for (const part of chunksFor(changed.flatMap(nameKeyRows)))
    await db
      .insertInto('place_names')
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/**
 * Brings every stored place's country / admin1 columns in line with `geo`, writing only the
 * rows that differ — one UPDATE per distinct (country, admin1) pair, so a new country's worth
 * of places costs a handful of statements, not one per place.
 */
export async function writePlaceGeo(
  db: Kysely<Database>,
  stored: readonly {
    id: string;
    country: string | null;
    admin1_key: string | null;
    geonames_id: number | null;
  }[],
  geo: ReadonlyMap<string, PlaceGeo>,
): Promise<void> {
  const groups = new Map<string, { value: PlaceGeo; ids: string[] }>();
  for (const row of stored) {
    const want = geo.get(row.id);
    if (!want) continue;
    const geonamesId = row.geonames_id === null ? null : Number(row.geonames_id);
    if (row.country === want.country && row.admin1_key === want.admin1_key && geonamesId === want.geonames_id)
      continue;
    const key = JSON.stringify(want);
    const group = groups.get(key) ?? { value: want, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  for (const { value, ids } of groups.values())
    for (const part of chunkIds(ids))
      await db.updateTable('places').set(value).where('id', 'in', part).execute();
}
