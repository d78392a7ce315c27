import type { Actor } from '@sitrep/schema/actor';
import countries from 'world-countries/dist/countries.json' with { type: 'json' };

/**
 * The world's states and their forces, from the `world-countries` data set (mledoze/countries,
 * ODbL-1.0: ISO 3166 codes, names, demonyms): UN members, plus Palestine, Kosovo and Taiwan.
 * A state is named by its country ("Sudan", "the Republic of the Sudan") or by its demonym and
 * government ("the Sudanese government"); its forces by the demonym or the possessive and a word
 * for forces or their fire ("Russian forces", "Israeli military", "the Sudanese army",
 * "Ukrainian drones", "Chad's army"). Those phrases are read by `findForces` rather than listed
 * as aliases: 194 countries × 40 words would make the alias trie a hundred times larger.
 */
export interface Country {
  code: string;
  name: string;
  official: string;
  /** the demonym as an adjective ("Sudanese"), null when several countries share it ("Congolese") */
  demonym: string | null;
}

interface Source {
  cca2: string;
  unMember: boolean;
  name: { common: string; official: string };
  demonyms?: { eng?: { m: string; f: string } };
}

const OBSERVERS = new Set(['PS', 'XK', 'TW']);
const list: Country[] = (countries as Source[])
  .filter((c) => c.unMember || OBSERVERS.has(c.cca2))
  .map((c) => ({
    code: c.cca2,
    name: c.name.common,
    official: c.name.official,
    demonym: c.demonyms?.eng?.m || null,
  }));
const demonymCount = new Map<string, number>();
for (const c of list) if (c.demonym) demonymCount.set(c.demonym, (demonymCount.get(c.demonym) ?? 0) + 1);
// a demonym two countries share names neither (a curated entry may claim a phrase with it)
for (const c of list) if (c.demonym && (demonymCount.get(c.demonym) ?? 0) > 1) c.demonym = null;

export const COUNTRIES: readonly Country[] = list;

export const stateId = (code: string) => `actor:state:${code.toLowerCase()}`;
export const forcesId = (code: string) => `actor:mil:${code.toLowerCase()}-military`;

/** A state actor per country; `known` holds the curated ones, which keep their names and gain aliases. */
export function stateActors(known: ReadonlyMap<string, Actor>): Actor[] {
  const out: Actor[] = [];
  for (const c of list) {
    const aliases = [c.official, `${c.name}'s government`];
    // "the Sudanese government" is read with the forces, by `findActors`
    if (c.demonym) aliases.push(`${c.demonym}-backed`);
    const id = stateId(c.code);
    const curated = known.get(id);
    if (curated) curated.aliases.push(...aliases.filter((a) => a !== curated.name));
    else
      out.push({
        id,
        name: c.name,
        kind: 'state',
        aliases: aliases.filter((a) => a !== c.name),
        affiliation: null,
        title: null,
        country: c.code,
        category: 'state_forces',
      });
  }
  return out;
}

/** A forces actor per country that has no curated one (the curated "Sudanese Armed Forces" is Sudan's). */
export function forcesActors(curatedForces: ReadonlyMap<string, Actor>): Actor[] {
  return list
    .filter((c) => !curatedForces.has(c.code))
    .map((c) => ({
      id: forcesId(c.code),
      name: `Military forces of ${c.name}`,
      kind: 'military' as const,
      aliases: [],
      affiliation: stateId(c.code),
      title: null,
      country: c.code,
      category: 'state_forces' as const,
    }));
}
