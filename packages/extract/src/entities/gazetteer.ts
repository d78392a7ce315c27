import { type Place, Place as PlaceSchema } from '@sitrep/schema/place';
import placesData from '../../data/places.json' with { type: 'json' };
import { foldName } from '../places/fold-name.ts';
import { UNLISTED, unlistedById } from '../places/unlisted-places.ts';
import { worldPlaceById } from '../places/world-gazetteer.ts';
import { type AliasMatch, AliasTrie } from './alias-trie.ts';

/**
 * Sitrep's curated places (data/places.json; its `_sources` says where entries come from), with
 * an alias trie for matching. Actors live in `actors.ts`.
 */
const placeList: Place[] = placesData.places.map((p) => PlaceSchema.parse(p));
const placeIndex = new Map(placeList.map((p) => [p.id, p]));
const byGeonamesId = new Map(placeList.flatMap((p) => (p.geonamesId ? [[p.geonamesId, p] as const] : [])));

function buildTrie(entries: readonly { id: string; name: string; aliases: string[] }[]): AliasTrie {
  const trie = new AliasTrie();
  for (const e of entries) trie.add(e.name, e.id);
  for (const e of entries) for (const alias of e.aliases) trie.add(alias, e.id);
  return trie;
}

const placeTrie = buildTrie(placeList);

export type EntityMatch = AliasMatch;

export function places(): Place[] {
  return placeList;
}

/**
 * A curated place or, by its id (`geonames:…`, `place:a1:…`, `place:xx`), a world gazetteer one,
 * or a place the text named that neither holds (`unlisted:…`, inside one of them).
 */
export function placeById(id: string): Place | null {
  const curated = placeIndex.get(id);
  if (curated) return curated;
  if (id.startsWith(UNLISTED)) return unlistedById(id, placeById);
  const world = worldPlaceById(id);
  return world?.geonamesId ? (byGeonamesId.get(world.geonamesId) ?? world) : world;
}

/** The curated place tied to a GeoNames id, if any (the overlay keeps its ids and spellings). */
export function curatedByGeonamesId(geonamesId: number): Place | null {
  return byGeonamesId.get(geonamesId) ?? null;
}

/** Every place named in `text`, longest alias first at each position, with offsets into `text`. */
export function findPlaces(text: string): EntityMatch[] {
  return placeTrie.scan(text);
}

/** The place and its parents, nearest first (the place itself excluded). */
export function ancestorsOf(placeId: string): Place[] {
  const chain: Place[] = [];
  let at = placeById(placeId)?.parentId ?? null;
  while (at) {
    const p = placeById(at);
    if (!p || chain.includes(p)) break;
    chain.push(p);
    at = p.parentId;
  }
  return chain;
}

/** The Syrian governorate a place lies in (itself when it is one), or null outside Syria. */
export function governorateOf(placeId: string): Place | null {
  const self = placeById(placeId);
  if (self?.country !== 'SY') return null;
  const found =
    self.kind === 'governorate' ? self : ancestorsOf(placeId).find((p) => p.kind === 'governorate');
  // a GeoNames place's division ("Idlib", "Rif-dimashq") is the curated governorate of that name
  return found && !placeIndex.has(found.id) ? (curatedGovernorate(found.name) ?? found) : (found ?? null);
}

const governorates = placeList.filter((p) => p.kind === 'governorate');
const governorateKey = (name: string) =>
  foldName(name)
    .replace(/ (?:governorate|province)$/, '')
    .replace(/ /g, '');
function curatedGovernorate(name: string): Place | null {
  const key = governorateKey(name);
  return governorates.find((g) => [g.name, ...g.aliases].some((n) => governorateKey(n) === key)) ?? null;
}

/** Every place whose chain of parents passes through `placeId`. */
export function placesWithin(placeId: string): Place[] {
  return placeList.filter((p) => p.id !== placeId && ancestorsOf(p.id).some((a) => a.id === placeId));
}
