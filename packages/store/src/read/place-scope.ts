import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { admin1Key } from '../place-keys.ts';
import type { PlaceScope } from '../query-types.ts';
import { badInput } from './cursor.ts';
import { placeAndInside } from './place-and-inside.ts';

const ALPHA2 = /^[A-Za-z]{2}$/;

/**
 * The place conditions of a filter, on a `place_id` column: at a place or inside it (by id, or
 * any of several ids a name resolved to), in one of some countries, in one of some first-level
 * divisions. Country and admin1 are the places table's columns (migration 0008), each a lookup
 * in its own index whose ids then ride on the caller's `place_id` index.
 */
export function placeScope(
  column: 'events.place_id' | 'canonical_events.place_id',
  scope: PlaceScope,
): RawBuilder<SqlBool>[] {
  const col = sql.ref(column);
  const all: RawBuilder<SqlBool>[] = [];
  if (scope.placeId) all.push(sql<SqlBool>`${col} in ${placeAndInside(scope.placeId)}`);
  if (scope.placeIds) {
    const ids = [...new Set(scope.placeIds)];
    all.push(
      ids.length === 0
        ? sql<SqlBool>`1 = 0`
        : // every stored place is its own ancestor at depth 0, so this includes the places themselves
          sql<SqlBool>`${col} in (select place_id from place_ancestors where ancestor_id in (${sql.join(ids)}))`,
    );
  }
  if (scope.countries) {
    const codes = [...new Set(scope.countries.map(countryCode))];
    all.push(
      codes.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`${col} in (select id from places where country in (${sql.join(codes)}))`,
    );
  }
  if (scope.admin1) {
    const keys = [...new Set(scope.admin1.map(admin1Key))];
    all.push(
      keys.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`${col} in (select id from places where admin1_key in (${sql.join(keys)}))`,
    );
  }
  return all;
}

function countryCode(code: string): string {
  if (!ALPHA2.test(code))
    throw badInput(
      `countries: "${code}" is not an ISO 3166-1 alpha-2 country code (two letters, such as UA or SD)`,
    );
  return code.toUpperCase();
}
