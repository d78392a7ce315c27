import type { Place } from '@sitrep/schema/place';
import { describe, expect, it } from 'vitest';
import { namesakeRegions } from '../src/namesake-regions.ts';

const place = (
  id: string,
  name: string,
  kind: Place['kind'],
  parentId: string | null,
  aliases: string[] = [],
) => ({ id, name, aliases, kind, parentId, lat: null, lon: null, country: null }) satisfies Place;

// Hand-made places in the shape of any gazetteer (the names are real; nothing here is read from one)
const PLACES: Place[] = [
  place('sy', 'Syria', 'country', null),
  place('sy:gov:idleb', 'Idleb Governorate', 'governorate', 'sy', ['Idlib province']),
  place('sy:idleb', 'Idlib', 'city', 'sy:gov:idleb', ['Idleb']),
  place('sy:khan-sheikhoun', 'Khan Sheikhoun', 'town', 'sy:gov:idleb'),
  place('ua', 'Ukraine', 'country', null),
  place('ua:donetsk-oblast', 'Donetsk Oblast', 'governorate', 'ua'),
  place('ua:donetsk-raion', 'Donetsk Raion', 'district', 'ua:donetsk-oblast'),
  place('ua:donetsk', 'Donetsk', 'city', 'ua:donetsk-raion'),
  place('ua:kramatorsk', 'Kramatorsk', 'city', 'ua:donetsk-oblast'),
  place('sd', 'Sudan', 'country', null),
  place('sd:khartoum-state', 'Khartoum', 'governorate', 'sd'),
  place('sd:khartoum', 'Khartoum', 'city', 'sd:khartoum-state'),
  place('sd:omdurman', 'Omdurman', 'city', 'sd:khartoum-state'),
  place('sy:gov:hama', 'Hama Governorate', 'governorate', 'sy'),
  place('sy:hamam', 'Hamam', 'village', 'sy:gov:hama'),
];

describe('a town named like the region around it', () => {
  const regionOf = namesakeRegions(PLACES);
  it.each([
    ['Idlib, by an alias of either', 'sy:idleb', 'sy:gov:idleb'],
    ['Donetsk, the nearest region of that name', 'ua:donetsk', 'ua:donetsk-raion'],
    ['Khartoum, a state of the very same name', 'sd:khartoum', 'sd:khartoum-state'],
    ['Khan Sheikhoun, named otherwise', 'sy:khan-sheikhoun', null],
    ['Kramatorsk, named otherwise', 'ua:kramatorsk', null],
    ['Omdurman, named otherwise', 'sd:omdurman', null],
    ['a village whose name only begins like the region’s', 'sy:hamam', null],
    ['a region itself', 'sy:gov:idleb', null],
    ['an unknown id', 'xx:nowhere', null],
  ])('%s', (_name, id, expected) => {
    expect(regionOf(id)).toBe(expected);
  });
});
