import type { PlaceScope } from '@sitrep/store/store';
import countries from 'world-countries/dist/countries.json' with { type: 'json' };
import type { SitrepContext } from './context.ts';
import { localId } from './local-id.ts';
import { searchText } from './search-text.ts';
import { userError } from './user-error.ts';

/** ISO 3166-1 alpha-2 codes and their common English names (the world-countries data set, ODbL). */
const COUNTRY_NAMES = new Map(countries.map((c) => [c.cca2, c.name.common]));

/** What people write instead of a code ("UKR", "UK", "Sudan"), for the error's hint. */
const CODE_FOR = new Map<string, string>();
for (const c of countries)
  for (const other of [c.cca3, c.name.common, c.name.official, ...c.altSpellings])
    if (other && !COUNTRY_NAMES.has(other.toUpperCase())) CODE_FOR.set(other.toLowerCase(), c.cca2);

/** `countries: [...]` as upper-case ISO codes; any other value is a BAD_USER_INPUT naming it. */
export function countryCodes(argument: string, values: readonly string[]): string[] {
  return values.map((value) => {
    const code = value.trim().toUpperCase();
    if (COUNTRY_NAMES.has(code)) return code;
    const meant = CODE_FOR.get(value.trim().toLowerCase());
    const hint = meant ? ` (for ${COUNTRY_NAMES.get(meant)} write ${meant})` : '';
    throw userError(
      'BAD_USER_INPUT',
      `${argument}: "${value}" is not an ISO 3166-1 alpha-2 country code${hint}; write two letters such as UA (Ukraine), SD (Sudan), CO (Colombia) or SY (Syria).`,
    );
  });
}

/** `admin1: [...]`: names, never blank. */
function admin1Names(argument: string, values: readonly string[]): string[] {
  return values.map((value) => {
    if (!value.trim())
      throw userError(
        'BAD_USER_INPUT',
        `${argument} holds an empty name; give first-level division names such as "Kharkiv Oblast".`,
      );
    return searchText(argument, value);
  });
}

/**
 * What a `place` argument stands for: a slug, a global ID, a GeoNames id or a name (any case,
 * diacritics folded), as the store's `findPlaceIds` reads it. A name several places share takes
 * in all of them. Nothing at all is a BAD_USER_INPUT: an empty answer would read as "no events
 * there" when the place was never known.
 */
export async function placeIds(
  ctx: SitrepContext,
  argument: string,
  value: string | number,
): Promise<string[]> {
  const text = searchText(argument, localId(value, 'Place'));
  const ids = await ctx.store.findPlaceIds(text);
  if (ids.length === 0)
    throw userError(
      'BAD_USER_INPUT',
      `${argument}: no place has the id, GeoNames id, name or alias "${text}"; find one with places(search: "${text.slice(0, 40)}") and pass its slug.`,
    );
  return ids;
}

interface PlaceArgs {
  place?: string | number | null;
  countries?: readonly string[] | null;
  admin1?: readonly string[] | null;
}

/**
 * The place fields of a filter (`place`, `countries`, `admin1`) → the store's `PlaceScope`;
 * `prefix` names the argument in errors (`filter.`). Empty lists are no condition, as `kinds`.
 */
export async function placeScopeArgs(
  ctx: SitrepContext,
  prefix: string,
  args: PlaceArgs,
): Promise<PlaceScope> {
  const scope: PlaceScope = {};
  if (args.place != null && args.place !== '')
    scope.placeIds = await placeIds(ctx, `${prefix}place`, args.place);
  if (args.countries?.length) scope.countries = countryCodes(`${prefix}countries`, args.countries);
  if (args.admin1?.length) scope.admin1 = admin1Names(`${prefix}admin1`, args.admin1);
  return scope;
}
