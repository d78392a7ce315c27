import { type Place, Place as PlaceSchema } from '@sitrep/schema/place';
import placesData from '../../data/places.json' with { type: 'json' };
import { type AliasMatch, AliasTrie } from './alias-trie.ts';

/**
 * Sitrep's curated places (data/places.json; its `_sources` says where entries come from), with
 * an alias trie for matching. Actors live in `actors.ts`.
 */
const placeList: Place[] = placesData.places.map((p) => PlaceSchema.parse(p));
const placeIndex = new Map(placeList.map((p) => [p.id, p]));

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

export function placeById(id: string): Place | null {
  return placeIndex.get(id) ?? null;
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
  if (self?.kind === 'governorate') return self;
  return ancestorsOf(placeId).find((p) => p.kind === 'governorate') ?? null;
}

/** Every place whose chain of parents passes through `placeId`. */
export function placesWithin(placeId: string): Place[] {
  return placeList.filter((p) => p.id !== placeId && ancestorsOf(p.id).some((a) => a.id === placeId));
}
