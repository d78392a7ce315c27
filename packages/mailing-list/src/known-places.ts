import { placeById, places } from '@sitrep/extract/gazetteer';
import type { SitrepStore } from '@sitrep/store/store';

/**
 * The place filters that name no place Sitrep knows. A subscriber's place filter is matched
 * against the names of each story's place and the places containing it, so one that names no
 * place ("Alepo") matched nothing and its subscriber silently got no news. Known: a name or alias
 * of the curated gazetteer (whole, any case), a gazetteer id, or a place the store finds by name,
 * alias or id (`findPlaceIds`: case, diacritics and punctuation folded) — the store holds the
 * places its articles named, the gazetteer those they may name next.
 */
export async function unknownPlaces(
  store: Pick<SitrepStore, 'findPlaceIds'>,
  names: readonly string[],
): Promise<string[]> {
  const unknown: string[] = [];
  for (const name of new Set(names.map((n) => n.trim()).filter(Boolean))) {
    if (placeById(name)) continue;
    if (curatedNames().has(name.toLowerCase())) continue;
    if ((await store.findPlaceIds(name)).length > 0) continue;
    unknown.push(name);
  }
  return unknown;
}

let names: Set<string> | null = null;
/** the curated gazetteer's names and aliases, lower-case (filters match names in any case) */
function curatedNames(): Set<string> {
  names ??= new Set(places().flatMap((p) => [p.name, ...p.aliases].map((n) => n.toLowerCase())));
  return names;
}

/** The line that reports one, naming the subscriber (`who`) and what to do. */
export const unknownPlaceProblem = (who: string, name: string) =>
  `${who} places: "${name}" is not a place Sitrep knows (no name or alias in the gazetteer or the store); check the spelling, or name the town, province or country as the news does (e.g. Aleppo, Idlib, Syria)`;
