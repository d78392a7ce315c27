import type { Place } from '@sitrep/schema/place';
import { normalizeName } from './mention-features.ts';

/** The region (a province, governorate or district) a bare town name may also mean; null when none. */
export type NamesakeRegionOf = (placeId: string) => string | null;

const TOWN_KINDS: ReadonlySet<Place['kind']> = new Set(['city', 'town']);
const REGION_KINDS: ReadonlySet<Place['kind']> = new Set(['governorate', 'district']);

function namesOf(place: Place): string[] {
  return [place.name, ...place.aliases].map(normalizeName).filter((n) => n.length > 0);
}

/**
 * Many towns share their name with the province around them (Idlib, Aleppo, Raqqa; Donetsk,
 * Kharkiv; Khartoum; Kayes), and reports use the bare name for either: "a gas attack in Idlib"
 * is as often the province as the town. For each town or city, the nearest region containing
 * it whose name (or an alias) is the town's name or begins with it ("Idleb Governorate",
 * "Donetsk Oblast"). Clustering reads such a town's mentions at that region, so they can meet
 * reports of places elsewhere in it (Khan Sheikhoun) as the text allows, while a report naming
 * a place inside the town still nests in it.
 */
export function namesakeRegions(places: readonly Place[]): NamesakeRegionOf {
  const byId = new Map(places.map((p) => [p.id, p]));
  const regionOf = new Map<string, string>();
  for (const town of places) {
    if (!TOWN_KINDS.has(town.kind)) continue;
    const names = namesOf(town);
    for (let id = town.parentId; id !== null; ) {
      const parent = byId.get(id);
      if (!parent) break;
      if (
        REGION_KINDS.has(parent.kind) &&
        namesOf(parent).some((r) => names.some((t) => r === t || r.startsWith(`${t} `)))
      ) {
        regionOf.set(town.id, parent.id);
        break;
      }
      id = parent.parentId;
    }
  }
  return (placeId) => regionOf.get(placeId) ?? null;
}
