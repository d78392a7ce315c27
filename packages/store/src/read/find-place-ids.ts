import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { placeNameKey } from '../place-keys.ts';

/**
 * A stored place id wins outright (a slug is never also read as a name); otherwise every place
 * named so (the `place_names` index, migration 0008) and, for digits, the GeoNames id — "Tripoli"
 * is Libya's and Lebanon's, and the caller's filter then takes in both.
 */
export async function findPlaceIds(db: Kysely<Database>, text: string): Promise<string[]> {
  const trimmed = text.trim();
  const key = placeNameKey(trimmed);
  let query = db
    .selectFrom('places')
    .select('id')
    .where('id', '=', trimmed)
    .union(db.selectFrom('place_names').select('place_id as id').where('name_key', '=', key));
  if (/^\d{1,9}$/.test(trimmed))
    query = query.union(db.selectFrom('places').select('id').where('geonames_id', '=', Number(trimmed)));
  const ids = (await query.execute()).map((r) => r.id);
  return ids.includes(trimmed) ? [trimmed] : ids.sort();
}
