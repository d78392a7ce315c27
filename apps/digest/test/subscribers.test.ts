import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Place } from '@sitrep/schema/place';
import { openStore } from '@sitrep/store/store';
import { describe, expect, it } from 'vitest';
import { checkPlaces, parseSubscribers } from '../src/subscribers/load-subscribers.ts';

describe('subscriber files', () => {
  it('reads JSON with nested filters', () => {
    const [s] = parseSubscribers(
      JSON.stringify([
        { name: 'Ana', email: 'ana@example.org', timezone: 'Europe/London', filters: { places: ['Aleppo'] } },
      ]),
      'json',
      'subs.json',
    );
    expect(s).toEqual({
      name: 'Ana',
      email: 'ana@example.org',
      timezone: 'Europe/London',
      filters: { kinds: [], places: ['Aleppo'], actors: [] },
    });
  });

  it('reads CSV with ;-separated lists and defaults the time zone to UTC', () => {
    const csv =
      'name,email,timezone,kinds,places,actors\nBo,bo@example.org,,airstrike;shelling,Aleppo; Idlib,Russia\n';
    expect(parseSubscribers(csv, 'csv', 'subs.csv')).toEqual([
      {
        name: 'Bo',
        email: 'bo@example.org',
        timezone: 'UTC',
        filters: { kinds: ['airstrike', 'shelling'], places: ['Aleppo', 'Idlib'], actors: ['Russia'] },
      },
    ]);
  });

  it('reports every bad row at once, with its row number', () => {
    const csv =
      'name,email,timezone\nA,not-an-email,UTC\nB,b@example.org,Mars/Olympus\nC,c@example.org,UTC\nD,C@example.org,UTC\n';
    expect(() => parseSubscribers(csv, 'csv', 'subs.csv')).toThrow(
      /row 2: "not-an-email" is not an email address\n {2}- row 3: "Mars\/Olympus" is not an IANA time zone.*\n {2}- row 5: C@example.org is listed twice/,
    );
  });

  it.each([
    ['{"email": "x@example.org"}', /expected a JSON array/],
    ['[{"email": "x@example.org", "filters": {"places": 3}}]', /entry 1 places: expected a list of names/],
    ['[oops', /cannot be read as JSON/],
    // Issue 20 item 17: a subscriber filtering on a kind that does not exist silently got nothing.
    [
      '[{"email": "x@example.org", "filters": {"kinds": ["airstrike", "airstrik", "Violence"]}}]',
      /entry 1 kinds: "airstrik" is not an event kind or family \(kinds such as airstrike/,
    ],
  ])('refuses %s', (text, message) => {
    expect(() => parseSubscribers(text, 'json', 'subs.json')).toThrow(message);
  });
});

// Issue 20 item 17: a place filter naming no place ("Alepo") matched no story, so its subscriber
// silently got nothing. `subscribers import` and `digest send --subscribers` refuse the list,
// naming the subscriber and the place; a place the store holds counts even when the gazetteer
// does not know it (another corpus's own places).
describe('subscriber places', () => {
  it('refuses places neither the gazetteer nor the store knows, naming each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-subscriber-places-'));
    const store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
    try {
      await store.upsertPlaces([
        Place.parse({
          id: 'place:xx:port-elise',
          name: 'Port Élise',
          kind: 'city',
          aliases: [],
          parentId: null,
          lat: 1,
          lon: 2,
          country: 'XX',
        }),
      ]);
      const subscribers = parseSubscribers(
        JSON.stringify([
          { email: 'a@example.org', filters: { places: ['Aleppo', 'idlib', 'Syria', 'port elise'] } },
          { email: 'b@example.org', filters: { places: ['Alepo', 'Aleppo'] } },
          { email: 'c@example.org', filters: { places: ['Nowhereville'] } },
        ]),
        'json',
        'subs.json',
      );
      await expect(checkPlaces(subscribers.slice(0, 1), store, 'subs.json')).resolves.toBeUndefined();
      await expect(checkPlaces(subscribers, store, 'subs.json')).rejects.toThrow(
        /b@example.org places: "Alepo" is not a place Sitrep knows .*check the spelling.*\n {2}- c@example.org places: "Nowhereville" is not a place/,
      );
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
