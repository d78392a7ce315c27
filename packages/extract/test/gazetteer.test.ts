import { Actor } from '@sitrep/schema/actor';
import { Place } from '@sitrep/schema/place';
import { describe, expect, it } from 'vitest';
import actorsFile from '../data/actors.json' with { type: 'json' };
import placesFile from '../data/places.json' with { type: 'json' };
import { actorById, actors, findActors } from '../src/entities/actors.ts';
import {
  ancestorsOf,
  findPlaces,
  governorateOf,
  placeById,
  places,
  placesWithin,
} from '../src/entities/gazetteer.ts';

describe('the data files', () => {
  it('say where their entries come from', () => {
    expect(Object.keys(placesFile._sources)).toEqual(
      expect.arrayContaining(['governorates', 'cities_and_towns']),
    );
    expect(Object.keys(actorsFile._sources)).toEqual(expect.arrayContaining(['people', 'armed_groups']));
  });

  it('hold valid, uniquely identified records whose parents exist', () => {
    for (const p of places()) expect(Place.safeParse(p).success).toBe(true);
    for (const a of actors()) expect(Actor.safeParse(a).success).toBe(true);
    expect(new Set(places().map((p) => p.id)).size).toBe(places().length);
    expect(new Set(actors().map((a) => a.id)).size).toBe(actors().length);
    for (const p of places()) if (p.parentId) expect(placeById(p.parentId), p.id).not.toBeNull();
    for (const a of actors()) if (a.affiliation) expect(actorById(a.affiliation), a.id).not.toBeNull();
  });

  it("lists Syria's 14 governorates", () => {
    expect(places().filter((p) => p.kind === 'governorate' && p.country === 'SY')).toHaveLength(14);
  });
});

describe('findPlaces', () => {
  it.each([
    ['Deir ez-Zor', 'place:sy:deir-ez-zor'],
    ['Deir Ezzor', 'place:sy:deir-ez-zor'],
    ['Deir Ezour', 'place:sy:deir-ez-zor'],
    ['Deir az-Zour', 'place:sy:deir-ez-zor'],
    ['Raqa', 'place:sy:raqqa'],
    ['Hassakeh', 'place:sy:hasakah'],
    ['Abu Kamal', 'place:sy:albu-kamal'],
    ['al-Fouaa', 'place:sy:fuaa'],
    ['Lattakia', 'place:sy:lattakia'],
    ['Latakia', 'place:sy:lattakia'],
    ['Idleb', 'place:sy:idleb'],
    ['Al-Raqqah', 'place:sy:raqqa'],
    ['Deraa', 'place:sy:daraa'],
    ['Al-Hasakeh', 'place:sy:hasakah'],
    ['Tadmur', 'place:sy:palmyra'],
    ['Damascus countryside', 'place:sy:gov:rif-dimashq'],
    ['Eastern Ghouta', 'place:sy:rif-dimashq:eastern-ghouta'],
    ['al-Kalaseh', 'place:sy:aleppo:al-kalaseh'],
    ['Bustan al-Qasr', 'place:sy:aleppo:bustan-al-qasr'],
    ['Old Aleppo', 'place:sy:aleppo:old-city'],
    ['east Aleppo', 'place:sy:aleppo:east'],
    ['Damascus', 'place:sy:damascus'],
    ['Lausanne', 'place:ch:lausanne'],
  ])('reads %s as %s', (name, id) => {
    const [match] = findPlaces(`Reports from ${name}, officials said.`);
    expect(match).toMatchObject({ id, text: name, start: 13, end: 13 + name.length });
  });

  it('takes the longest alias and only whole words', () => {
    expect(findPlaces('strikes on eastern Aleppo and Aleppo’s Old City').map((m) => m.id)).toEqual([
      'place:sy:aleppo:east',
      'place:sy:aleppo:old-city',
    ]);
    expect(findPlaces('Aleppoans and Homsi people')).toEqual([]);
  });

  it('names a governorate however the press writes it', () => {
    expect(findPlaces('in Hasakeh Province').map((m) => m.id)).toEqual(['place:sy:gov:al-hasakeh']);
    expect(findPlaces('in Idlib province').map((m) => m.id)).toEqual(['place:sy:gov:idleb']);
  });

  it('walks the hierarchy', () => {
    expect(governorateOf('place:sy:aleppo:al-kalaseh')?.id).toBe('place:sy:gov:aleppo');
    expect(governorateOf('place:ch:geneva')).toBeNull();
    expect(ancestorsOf('place:sy:aleppo:saliheen').map((p) => p.id)).toEqual([
      'place:sy:aleppo',
      'place:sy:gov:aleppo',
      'place:sy',
      'place:region:middle-east',
    ]);
    expect(placesWithin('place:sy:aleppo').map((p) => p.id)).toContain('place:sy:aleppo:sheikh-saeed');
  });
});

describe('findActors', () => {
  it.each([
    ['Sergey Lavrov', 'actor:person:sergey-lavrov'],
    ['Sergei Lavrov', 'actor:person:sergey-lavrov'],
    ['SOHR', 'actor:mon:sohr'],
    ['the Observatory', 'actor:mon:sohr'],
    ['a UK-based monitoring group', 'actor:mon:sohr'],
    ['Syria Civil Defence', 'actor:org:white-helmets'],
    ['the former al-Nusra Front', 'actor:ag:jfs'],
    ['Daesh', 'actor:ag:isis'],
    ['ISIL', 'actor:ag:isis'],
    ['de Mistura', 'actor:person:staffan-de-mistura'],
    ['Nour al-Din al-Zinki', 'actor:ag:nour-al-din-al-zinki'],
    ['Kremlin', 'actor:gov:kremlin'],
  ])('resolves %s to %s', (name, id) => {
    expect(findActors(`Yesterday ${name} spoke.`)[0]?.id).toBe(id);
  });

  it('does not read a common word as a name', () => {
    expect(findActors('everything in their power to protect civilians')).toEqual([]);
  });
});
