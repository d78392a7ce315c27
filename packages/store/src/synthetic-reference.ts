import type { Actor } from '@sitrep/schema/actor';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';

/**
 * A small invented-but-plausible gazetteer for synthetic corpora: Syria's governorates,
 * a few cities each and Aleppo's neighbourhoods, with `syn-` ids so synthetic data can never
 * be mistaken for the curated gazetteer. Names are real places; coordinates are omitted.
 */
const TREE: Record<string, Record<string, string[]>> = {
  Aleppo: {
    Aleppo: [
      'al-Qaterji',
      'Sheikh Saeed',
      'al-Hamdaniya',
      'Saliheen',
      'Old Aleppo',
      'Masaken Hanano',
      'Bustan al-Qasr',
    ],
    'al-Bab': [],
    Manbij: [],
  },
  Idlib: { Idlib: [], 'Khan Shaykhun': [], 'Maarat al-Numan': [] },
  Damascus: { Damascus: ['Jobar', 'Yarmouk'] },
  'Rif Dimashq': { Douma: [], Darayya: [] },
  Homs: { Homs: ['al-Waer'], Palmyra: [] },
  Hama: { Hama: [] },
  'Deir ez-Zor': { 'Deir ez-Zor': [] },
  Raqqa: { Raqqa: [] },
  Daraa: { Daraa: [] },
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function place(name: string, kind: Place['kind'], parentId: string | null, id: string): Place {
  return { id, name, aliases: [], kind, parentId, lat: null, lon: null, country: 'SY' };
}

export function syntheticPlaces(): Place[] {
  const out: Place[] = [place('Syria', 'country', null, 'syn-sy')];
  for (const [gov, cities] of Object.entries(TREE)) {
    const govId = `syn-gov-${slug(gov)}`;
    out.push(place(`${gov} Governorate`, 'governorate', 'syn-sy', govId));
    for (const [city, hoods] of Object.entries(cities)) {
      const cityId = `syn-city-${slug(city)}`;
      out.push(place(city, 'city', govId, cityId));
      for (const hood of hoods) out.push(place(hood, 'neighbourhood', cityId, `syn-nb-${slug(hood)}`));
    }
  }
  return out;
}

const ACTORS: [string, Actor['kind'], string[]][] = [
  ['Syrian government forces', 'military', ['Syrian army', 'government troops']],
  ['Russian Air Force', 'military', ['Russian warplanes']],
  ['Free Syrian Army', 'armed_group', ['FSA']],
  ['Jabha Shamiya', 'armed_group', ['Levant Front']],
  ['Nour al-Din al-Zinki', 'armed_group', []],
  ['Islamic State', 'armed_group', ['ISIS', 'ISIL', 'Daesh']],
  ['Syrian Observatory for Human Rights', 'monitoring_group', ['SOHR', 'the Observatory']],
  ['White Helmets', 'organisation', ['Syria Civil Defence']],
  ['United Nations', 'intergovernmental', ['UN', 'U.N.']],
  ['Sergey Lavrov', 'person', ['Sergei Lavrov']],
];

export function syntheticActors(): Actor[] {
  return ACTORS.map(([name, kind, aliases]) => ({
    id: `syn-${slug(name)}`,
    name,
    kind,
    aliases,
    affiliation: null,
    title: null,
    country: null,
  }));
}

const OUTLETS: [string, Outlet['kind'], string | null][] = [
  ['Reuters', 'wire_agency', 'GB'],
  ['Agence France-Presse', 'wire_agency', 'FR'],
  ['Associated Press', 'wire_agency', 'US'],
  ['TRT World', 'broadcaster', 'TR'],
  ['Al Jazeera', 'broadcaster', 'QA'],
  ['SANA', 'state_media', 'SY'],
];

export function syntheticOutlets(): Outlet[] {
  return OUTLETS.map(([name, kind, country]) => ({
    id: `syn-${slug(name)}`,
    name,
    kind,
    country,
    aliases: [],
    url: null,
  }));
}
