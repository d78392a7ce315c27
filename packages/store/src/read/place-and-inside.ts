import { sql } from 'kysely';

/** Places `placeId` stands for: itself and everything nested inside it (the closure table). */
export function placeAndInside(placeId: string) {
  return sql<string>`(select place_id from place_ancestors where ancestor_id = ${placeId} union select ${placeId})`;
}
