import type { Place } from '@sitrep/schema/place';
import type { Kysely } from 'kysely';
import { chunksFor } from '../write/chunks.ts';
import { nameKeyRows, placeGeo, writePlaceGeo } from '../write/place-geo.ts';
import type { Database } from './tables.ts';

/**
 * Migration 0008: the world gazetteer's facts, where filters need them. A place's GeoNames id,
 * admin1, admin2 and population, and an event location's geo precision, already live whole in
 * the records' JSON (what goes in comes out); what is new is filtering on them:
 *
 * - `places.country` and `places.admin1_key`: the place's own or inherited from its nearest
 *   container (a neighbourhood is in its city's country), indexed with the id so "events in
 *   UA, SD" is an index range per country feeding the existing `events_place_date` index, the
 *   same path the place filter takes. Kept on places rather than copied onto every event row, so
 *   a gazetteer correction moves one small table, never the events.
 * - `places.geonames_id`, indexed: the id other datasets (ACLED, UCDP) join on.
 * - `place_names`: every place under its folded name and aliases (`placeNameKey`), so the
 *   place filter's "kyiv" or "Ḩamāh" is one indexed lookup.
 *
 * Places stored before it are filled in here from their records.
 */
export async function placesGeo(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as Kysely<Database>;
  await db.schema.alterTable('places').addColumn('country', 'text').execute();
  await db.schema.alterTable('places').addColumn('admin1_key', 'text').execute();
  await db.schema.alterTable('places').addColumn('geonames_id', 'integer').execute();
  await db.schema.createIndex('places_country').on('places').columns(['country', 'id']).execute();
  await db.schema.createIndex('places_admin1').on('places').columns(['admin1_key', 'id']).execute();
  await db.schema.createIndex('places_geonames').on('places').columns(['geonames_id']).execute();
  await db.schema
    .createTable('place_names')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('place_names_pk', ['name_key', 'place_id'])
    .execute();
  await db.schema.createIndex('place_names_place').on('place_names').columns(['place_id']).execute();

  const stored = await db
    .selectFrom('places')
    .select(['id', 'record', 'country', 'admin1_key', 'geonames_id'])
    .execute();
  const places = new Map(stored.map((r) => [r.id, JSON.parse(r.record) as Place]));
  await writePlaceGeo(db, stored, placeGeo(places));
  for (const part of chunksFor([...places.values()].flatMap(nameKeyRows)))
    await db.insertInto('place_names').values(part).execute();
}
