import type { Place } from '@sitrep/schema/place';
import { LRUCache } from 'lru-cache';
import { actorById } from '../entities/actors.ts';
import {
  ancestorsOf,
  curatedByGeonamesId,
  type EntityMatch,
  placeById,
  places,
} from '../entities/gazetteer.ts';
import { COUNTRIES } from '../entities/state-actors.ts';
import { foldName } from './fold-name.ts';
import { findUnlisted } from './unlisted-places.ts';
import {
  admin1Place,
  countryId,
  countryPlace,
  loadWorld,
  type RowFacts,
  rowFacts,
  rowPlace,
  type WorldEntry,
} from './world-gazetteer.ts';

/** A place found in a text, offsets in that text. */
export interface FoundPlace {
  place: Place;
  start: number;
  end: number;
}

/**
 * Toponym resolution: every capitalised name in the article is looked up in the world
 * gazetteer by its folded key, and a name several places share is given to the one the article
 * points to — the countries it names (by name, demonym, curated place or state actor), the
 * divisions it names ("Maidan Shahr, in Wardak province"), its dateline — with population as
 * the prior. A name is taken for a place only when it reads as one: words that are also towns
 * ("Police", "Split", "Reading", "Mobile") need a place cue ("in", "near", "outside", "the town
 * of"), a first name before a surname or after a title ("Victoria Nuland", "Queen Victoria")
 * is a person, and a small place far from the article's countries needs a cue and some size.
 * The curated overlay (data/places.json) is matched first and always wins its words.
 */

// A capitalised name: words with capitals, joined by a space or hyphen, with the particles of
// Arabic, Romance and Germanic names between them; an Arabic article may lead ("al-Fashir").
const PARTICLE = `(?:al|el|ad|as|ash|ar|an|az|ez|es|ed|en|de|del|della|la|le|les|du|des|do|da|dos|di|bin|ibn|abu|wa|am|im|sur|aux|au|y)`;
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’\x60]*(?:-[\p{L}\p{M}'’\x60]+)*`;
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${PARTICLE}[-‐ ])?${WORD}(?:(?: |-)(?:${PARTICLE}[-‐ ])?${WORD})*`,
  'gu',
);
const TOKEN = new RegExp(`(?:${PARTICLE}[-‐ ])?${WORD}`, 'gu');

/** Words that are never a place on their own, whatever GeoNames lists. */
const NEVER =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the|a|an|and|but|he|she|it|they|we|i|in|on|at|of|to|for|by|with|this|that|these|those|there|his|her|its|their|our|mr|mrs|ms|dr|gen|st|said|says|reuters|ap|afp|un|us|uk|eu|isis|isil|is|god|allah|islam|christmas|ramadan|eid|easter|north|south|east|west|central|northern|southern|eastern|western)$/;

const PLACE_CUE =
  /\b(?:in|near|outside|at|from|to|into|towards?|across|around|through|via|of the (?:town|city|village|district|province|region) of|(?:town|city|village|district|province|region|area|outskirts|suburbs?|border crossing) of|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|(?:km|kilometres|kilometers|miles) (?:from|of)|between|and|(?:strikes?|airstrikes?|attacks?|raids?|assaults?|offensive|bombardment|shelling|advance|march|push|drive) (?:on|of|against))\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|besieged|embattled|frontline|front-line|port|border|capital|town|city|village)\s+)*$/i;
const APPOSITION =
  /^,\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:town|city|village|district|province|region|suburb|port|capital|area)\b/i;
const TITLE =
  /\b(?:President|Prime Minister|Minister|Secretary|Mr|Mrs|Ms|Miss|Dr|Gen|General|Col|Colonel|Capt|Captain|Sgt|Lt|Maj|King|Queen|Prince|Princess|Sheikh|Pope|Saint|St|Judge|Senator|Sen|Rep|Lord|Lady|Sir|Dame|spokesman|spokeswoman|Ambassador|Commander)\.?\s+$/;
/** Capitalised words that may follow a place in one name run without making it a person's first name. */
const AFTER_PLACE =
  /^(?:Province|Provinces|Region|Oblast|State|Governorate|District|County|Department|Prefecture|Municipality|City|Airport|Governor|Mayor|Police|Port|Base|Camp|Regional|Military|Administration|Council|Valley|Strip|Bank|Front|Road|Highway|Bridge|Dam|Square|Street|Centre|Center|Mosque|Church|Stadium|Museum|Prison|Refinery|North|South|East|West)$/;
/** words before a place in one run that do not make it a surname: demonyms, directions, "Russian-occupied" */
const MODIFIER =
  /(?:-|ern$|ian$|ese$|ish$|an$|i$|^(?:Greater|Old|New|Upper|Lower|Central|North|South|East|West)$)/;
const DIVISION_IN = /\b(?:province|region|oblast|state|governorate|department)\b/;
const DIVISION_AFTER =
  /^\s+(?:province|region|oblast|state|governorate|district|county|department|prefecture)\b/i;
/** Words after a name that make it part of a city: "the Delmas neighbourhood", "Shujaiya district". */
const CITY_PART_AFTER = /^\s+(?:neighbou?rhoods?|quarters?|suburbs?|districts?|areas?|camp)\b/i;
const HIERARCHY = /^,\s*(?:in\s+)?(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2})/u;
/**
 * "Kurdistan in northern Iraq" when the world's "Kurdistan" is Iran's province: the curated place
 * in the named country whose name or alias holds the name ("Iraqi Kurdistan"), else none — the
 * text says the place is not the other country's.
 */
function curatedInCountry(key: string, country: string): Place | null {
  const word = new RegExp(`(?:^| )${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`);
  for (const p of places())
    if (p.country === country && [p.name, ...(p.aliases ?? [])].some((n) => word.test(foldName(n)))) return p;
  return null;
}

const DIVISION_WORD = /\s+(?:province|governorate|oblast|region|state|department|district|county)$/i;
/** "Kurdistan in northern Iraq", "a village in eastern Chad": the country the name is said to lie in */
const IN_COUNTRY =
  /^\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2})/u;
const SUBJECT_AFTER =
  /^(?:['’]s\b|\s+(?:said|says|told|added|has|have|had|is|was|were|will|would|could|denied|accused|blamed|claimed|announced|reported)\b)/;
const SPEECH_AFTER = /^\s+(?:said|says|told|added|wrote|tweeted|explained)\b/;
// "BEIRUT/THE HAGUE, March 7 (Reuters) -": a dateline may name two cities; a plain hyphen only
// between spaces ("GOMA, Congo (AP) - "), so "UN-backed forces" or "DRC-Rwanda talks" opens no dateline
const DATELINE =
  /^((?:\p{Lu}[\p{Lu}'’.-]*)(?:(?: |\s?\/\s?)\p{Lu}[\p{Lu}'’.-]*)*)(?:,\s*[\p{L} .]+?)?(?:,?\s*\w+\.? \d{1,2})?\s*(?:\([^)]{1,40}\)\s*)?(?:[—–]|(?<=\s)-(?:\s|$))/u;

interface Candidate {
  text: number;
  start: number;
  end: number;
  key: string;
  entries: WorldEntry[];
  /** words before it say it is a place ("in", "near", "the town of") */
  cue: boolean;
  dateline: boolean;
  /** the division or country named right after it (", in Wardak province", ", Virginia"), folded */
  hierarchy: string | null;
  /** it follows a name and a comma ("Alexandria, Virginia") */
  afterComma: boolean;
  /** the country the text puts it in ("Kadugli, Sudan", "Kurdistan in northern Iraq"): a namesake elsewhere is not it */
  country: string | null;
}

const demonyms = new Map<string, string>();
for (const c of COUNTRIES) if (c.demonym) demonyms.set(c.demonym, c.code);

/**
 * A name as written → its folded key and what the gazetteer holds under it (null: nothing).
 * Names repeat from article to article ("Aleppo", "Reuters", "Monday"), so folding and the
 * binary search are paid once per spelling, in a bounded cache.
 */
const COMPASS = /^(north|south|east|west|northern|southern|eastern|western) (.+)$/;
const COMPASS_OTHER: Record<string, string> = {
  north: 'northern',
  south: 'southern',
  east: 'eastern',
  west: 'western',
  northern: 'north',
  southern: 'south',
  eastern: 'east',
  western: 'west',
};
const seen = new LRUCache<string, { key: string; entries: WorldEntry[] } | 0>({ max: 100_000 });
function lookupName(
  name: string,
  w: ReturnType<typeof loadWorld>,
): { key: string; entries: WorldEntry[] } | null {
  const cached = seen.get(name);
  if (cached !== undefined) return cached || null;
  let key = foldName(name);
  let entries = NEVER.test(key) ? undefined : w.lookup(key);
  // "North Darfur", "South Kordofan": the press's compass word where GeoNames writes "Northern
  // Darfur", "Southern Kordofan" (and the other way round), tried only when the name as written is absent
  const compass = entries ? null : COMPASS.exec(key);
  if (compass) {
    const other = `${COMPASS_OTHER[compass[1] as string]} ${compass[2]}`;
    const found = w.lookup(other);
    if (found?.some((e) => e.type === 'admin1')) {
      key = other;
      entries = found;
    }
  }
  const found = entries ? { key, entries } : null;
  seen.set(name, found ?? 0);
  return found;
}

/** A curated name with its spaces and hyphens gone: "Salah Eddin" and "Salaheddin" are one place. */
const compact = (name: string) => foldName(name.replace(/[\s-]+/g, ''));
let curatedCompact: Set<string> | null = null;

/**
 * Whether a name is a known place, as written or as another spelling of a curated one
 * ("Salaheddin" for "Salah Eddin"), or with a possessive whose apostrophe was lost before it
 * ("Aleppos Salaheddin"): an unlisted place must not double a place the gazetteer holds.
 */
function knownName(name: string, w: ReturnType<typeof loadWorld>): boolean {
  if (lookupName(name, w) !== null) return true;
  curatedCompact ??= new Set(places().flatMap((p) => [p.name, ...p.aliases].map(compact)));
  if (curatedCompact.has(compact(name))) return true;
  const owner = /^(\p{Lu}[\p{L}-]*?)s\s+(.+)$/u.exec(name);
  return owner !== null && lookupName(owner[1] as string, w) !== null && knownName(owner[2] as string, w);
}

function candidatesIn(
  text: string,
  t: number,
  blocked: readonly { start: number; end: number }[],
  /** the end of the text before: "Mr." may end it when the splitter cut after the title */
  previous: string,
  /** every capitalised word read is added here (the demonyms among them are context) */
  words: string[],
  /** where the dateline's cities end: there a short name in capitals is a city ("GOMA"), not an acronym */
  datelineEnd = 0,
): Candidate[] {
  const w = loadWorld();
  const out: Candidate[] = [];
  for (const run of text.matchAll(RUN)) {
    const tokens = [...run[0].matchAll(TOKEN)].map((m) => {
      const start = (run.index as number) + (m.index as number);
      // "Syria's" is Syria
      const word = m[0].replace(/['’]s$/, '');
      words.push(word);
      return { start, end: start + word.length, word, possessive: word.length < m[0].length };
    });
    let i = 0;
    // tokens inside a name taken for a place
    const placed = new Set<number>();
    while (i < tokens.length) {
      let found: Candidate | null = null;
      let next = i + 1;
      for (let j = Math.min(tokens.length, i + 4); j > i; j--) {
        const first = tokens[i] as { start: number };
        const last = tokens[j - 1] as { end: number };
        const name = text.slice(first.start, last.end);
        // "SANA", "IDF": an acronym is an organisation, not a town (datelines are read apart)
        const acronym = j === i + 1 && last.end > datelineEnd && /^[\p{Lu}\d]{2,5}$/u.test(name);
        const entries = acronym ? undefined : lookupName(name, w);
        if (!entries) continue;
        const key = entries.key;
        next = j;
        const following = tokens[j];
        // "Victoria Nuland", "Queen Victoria": a name, not a town
        const person =
          j === i + 1 &&
          !entries.entries.some((e) => e.type === 'country') &&
          ((following !== undefined &&
            !AFTER_PLACE.test(following.word) &&
            following.start - last.end === 1) ||
            TITLE.test(
              first.start === 0 ? `${previous} ` : text.slice(Math.max(0, first.start - 20), first.start),
            ) ||
            // "Bill Clinton": a surname after a first name that is no place ("In Kyiv, ...", "At
            // Kramatorsk": a capitalised preposition opening the sentence is no first name)
            // "Russia's Kursk region": a possessive is no first name, whether or not it was read as a place
            (i > 0 &&
              !placed.has(i - 1) &&
              !(tokens[i - 1] as { possessive: boolean }).possessive &&
              !MODIFIER.test((tokens[i - 1] as { word: string }).word) &&
              !NEVER.test((tokens[i - 1] as { word: string }).word.toLowerCase())));
        // a curated place inside a longer division's name ("Darfur" in "North Darfur") gives way to it
        const blockedHere = blocked.some(
          (b) =>
            b.start < last.end &&
            first.start < b.end &&
            !(
              'place' in b &&
              first.start <= b.start &&
              b.end <= last.end &&
              last.end - first.start > b.end - b.start &&
              entries.entries.some((e) => e.type === 'admin1')
            ),
        );
        if (!person && !blockedHere)
          found = {
            text: t,
            start: first.start,
            end: last.end,
            key,
            entries: entries.entries,
            cue: false,
            dateline: false,
            hierarchy: null,
            afterComma: false,
            country: null,
          };
        break;
      }
      if (found) for (let k = i; k < next; k++) placed.add(k);
      i = next;
      if (!found) continue;
      const before = text.slice(Math.max(0, found.start - 60), found.start);
      const after = text.slice(found.end, found.end + 60);
      const h = HIERARCHY.exec(after);
      found.hierarchy = h ? foldName((h[1] as string).replace(DIVISION_WORD, '')) : null;
      const inCountry = IN_COUNTRY.exec(after) ?? h;
      // "Rafah, Israel said": the country speaks, it does not place the name
      const speaks =
        inCountry !== null && SUBJECT_AFTER.test(after.slice(inCountry.index + inCountry[0].length));
      found.country = inCountry && !speaks ? countryNamed(inCountry[1] as string, w) : null;
      found.afterComma = /\p{L},\s*$/u.test(before);
      found.cue = PLACE_CUE.test(before) || APPOSITION.test(after) || DIVISION_AFTER.test(after);
      if (SPEECH_AFTER.test(after) && !found.cue && !found.entries.some((e) => e.type === 'country'))
        continue;
      // "Karbala-7", "Khaibar-4": an operation's code name, not the town
      if (/^-\d/.test(after)) continue;
      out.push(found);
    }
  }
  return out;
}

/** The one country a name is (a country's name, not a town of that name), or null. */
function countryNamed(name: string, w: ReturnType<typeof loadWorld>): string | null {
  const codes = (lookupName(name, w)?.entries ?? []).flatMap((e) => (e.type === 'country' ? [e.code] : []));
  return codes.length === 1 ? (codes[0] as string) : null;
}

function score(
  entry: WorldEntry,
  c: Candidate,
  weights: ReadonlyMap<string, number>,
  admin1s: ReadonlySet<string>,
  near: string,
): number {
  const top = Math.max(1, ...weights.values());
  const ctx = (country: string) =>
    4 * Math.min(1, (weights.get(country) ?? 0) / top) + (weights.has(country) ? 2 : 0);
  // "Congo" is both Congos' name: the one the article is about ("Democratic Republic of Congo") is meant
  if (entry.type === 'country') return 20 + ctx(entry.code);
  if (entry.type === 'admin1') {
    const country = entry.code.slice(0, 2);
    // "Kharkiv region"; "Alexandria, Virginia": a division after a place and a comma
    // a bare name a city shares with its province is the city; "Kherson region" is the province
    // "Borno" is Nigeria's state, not a small town abroad once spelt so (Germany's Borna)
    return (
      4 +
      ctx(country) +
      (DIVISION_AFTER.test(near) ? 6 : 0) +
      (c.afterComma ? 3 : 0) +
      (soleDivision(c.key, c.entries) &&
      !c.entries.some((e) => e.type === 'row' && entryCountry(e) === country)
        ? 2
        : 0)
    );
  }
  const f = rowFacts(entry.index);
  return (
    Math.log10(f.population + 10) +
    // a village does not take a name from a city on the article's countries alone ("talks in Paris")
    (isSmall(f) ? -3 : 0) +
    ctx(f.country) +
    (f.admin1Words && divisionNamed(f.admin1Words, admin1s, c.key) ? 4 : 0) +
    (inHierarchy(entry, c.hierarchy) ? 10 : 0) +
    (f.feature === 'PPLC' || f.feature === 'PPLA' ? 0.5 : 0)
  );
}

/**
 * Places under this many people (the villages of GeoNames' cities500, not division seats) are
 * taken only where the text supports them: a place cue in the article's countries ("in
 * Krasnohorivka", "the village of ...") or a hierarchy ("Pangram, Logar", "X, in Y province").
 */
export const SMALL_PLACE = 5000;
const SEAT = new Set(['PPLC', 'PPLA', 'PPLA2']);
const isSmall = (f: RowFacts): boolean =>
  f.population < SMALL_PLACE && !SEAT.has(f.feature) && !curatedByGeonamesId(f.geonamesId);

/** Whether the article names this division: "Wardak" names "Maidan Wardak Province". */
function divisionNamed(words: string, named: ReadonlySet<string>, self?: string): boolean {
  // a name is not its own division's evidence ("Kharkiv" the city does not name Kharkiv oblast)
  for (const n of named) if (n !== self && words.includes(` ${n} `)) return true;
  return false;
}

/** "Maidan Shahr, in Wardak province", "Alexandria, Virginia", "Kadugli, Sudan": the row in that division or country. */
function inHierarchy(entry: WorldEntry, hierarchy: string | null): boolean {
  if (!hierarchy || entry.type !== 'row') return false;
  const f = rowFacts(entry.index);
  if (f.admin1Words?.includes(` ${hierarchy} `)) return true;
  const country = loadWorld().countryNames.get(f.country);
  return country !== undefined && foldName(country) === hierarchy;
}

function entryCountry(e: WorldEntry): string {
  if (e.type === 'row') return rowFacts(e.index).country;
  return e.type === 'admin1' ? e.code.slice(0, 2) : e.code;
}

function entryPlace(e: WorldEntry): Place | null {
  if (e.type === 'row') return curatedByGeonamesId(rowFacts(e.index).geonamesId) ?? rowPlace(e.index);
  if (e.type === 'admin1') return admin1Place(e.code);
  return placeById(countryId(e.code)) ?? countryPlace(e.code);
}

export interface ArticlePlacesInput {
  /** the texts read, in order (headline first, then sentences) */
  texts: readonly string[];
  /** the curated overlay's places in each text */
  curated: readonly FoundPlace[][];
  /** actor names in each text (a place inside one is not a place) */
  actors: readonly EntityMatch[][];
  /** filled with the dateline's places ("KYIV, Ukraine (AP) —"): where the report was filed, not a place of the story */
  datelines?: FoundPlace[];
}

/**
 * Every text's places: the curated ones and the world's, resolved with the whole article as
 * context, in text order. The dateline's city counts as context, not as a place of the story.
 */
export function resolveArticlePlaces(input: ArticlePlacesInput): FoundPlace[][] {
  const { texts, curated, actors } = input;
  const weights = new Map<string, number>();
  const bump = (country: string | null | undefined, by = 1) => {
    if (country) weights.set(country, (weights.get(country) ?? 0) + by);
  };
  for (const list of curated) for (const p of list) bump(p.place.country);
  for (const list of actors)
    for (const a of list) {
      const actor = actorById(a.id);
      if (actor?.kind === 'state' || actor?.kind === 'military') bump(actor.country);
    }

  const words: string[] = [];
  // where each text's dateline ends (its cities), for the first texts
  const datelineEnd: number[] = [];
  const candidates = texts.flatMap((text, t) => {
    const blocked = [
      ...(curated[t] ?? []),
      // a state's own name ("Sudan") stays a place; other actor names block ("Islamic State")
      ...(actors[t] ?? []).filter((a) => !a.id.startsWith('actor:state:')),
    ];
    // the dateline ("KYIV, Ukraine (AP) —", "BAHRAIN, March 5 -") at the start of the first texts
    const d = t <= 2 ? DATELINE.exec(text) : null;
    // a short name in capitals there is a city ("GOMA, Congo (AP) -", "KYIV, Ukraine (AP) —") only
    // when the dateline also names its country or agency: "UNHCR - the UN refugee agency" is no city
    const full = d !== null && /\(|^,\s*\p{Lu}[\p{L} .]*[-—–]$/u.test(d[0].slice((d[1] as string).length));
    const found = candidatesIn(
      text,
      t,
      blocked,
      (texts[t - 1] ?? '').slice(-20),
      words,
      full ? (d[1] as string).length : 0,
    );
    if (d) {
      datelineEnd[t] = (d[1] as string).length;
      for (const c of found) if (c.end <= (d[1] as string).length) c.dateline = true;
    }
    return found;
  });
  for (const w of words) bump(demonyms.get(w));
  for (const c of candidates)
    for (const e of c.entries) if (e.type === 'country' && c.entries.length === 1) bump(e.code, 1);

  // divisions the article names as such ("Wardak province", or a name that is only a division)
  const admin1s = new Set<string>();
  for (const c of candidates) {
    const text = texts[c.text] as string;
    if (DIVISION_AFTER.test(text.slice(c.end, c.end + 30)) || c.entries.every((e) => e.type !== 'row'))
      admin1s.add(c.key);
  }
  for (const text of texts)
    if (DIVISION_IN.test(text))
      for (const m of text.matchAll(
        /(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}) (?:province|region|oblast|state|governorate|department)\b/gu,
      ))
        admin1s.add(foldName(m[1] as string));
  for (const c of candidates) {
    if (!c.dateline) continue;
    const best = c.entries
      .filter((e) => e.type === 'row')
      .sort((a, b) => score(b, c, new Map(), admin1s, '') - score(a, c, new Map(), admin1s, ''))[0];
    if (best?.type === 'row') {
      bump(rowFacts(best.index).country);
      const place = entryPlace(best);
      if (place) input.datelines?.push({ place, start: c.start, end: c.end });
    }
  }

  // one sense per article: a name the text once put in a country ("Kurdistan in northern Iraq")
  // keeps that country where it stands alone later ("the Haj Omran area of Kurdistan")
  const countryOfKey = new Map<string, string>();
  for (const c of candidates) if (c.country && !countryOfKey.has(c.key)) countryOfKey.set(c.key, c.country);
  const common = loadWorld().commonWords;
  // a curated place in the dateline ("BEIRUT/THE HAGUE, March 7 (Reuters) -") is context too, not a place of the story
  const out: FoundPlace[][] = texts.map((_, t) =>
    (curated[t] ?? []).filter((p) => {
      const end = datelineEnd[t];
      if (end === undefined || p.end > end) return true;
      input.datelines?.push(p);
      return false;
    }),
  );
  for (const c of candidates) {
    if (c.dateline) continue;
    const text = texts[c.text] as string;
    const near = text.slice(c.end, c.end + 30);
    // "Kurdistan in northern Iraq": not Iran's Kurdistan Province; nothing when Iraq has none
    const inCountry = c.country ?? countryOfKey.get(c.key) ?? null;
    const entries = inCountry
      ? c.entries.filter((e) => e.type === 'country' || entryCountry(e) === inCountry)
      : c.entries;
    const scored = entries.map((e) => ({ e, s: score(e, c, weights, admin1s, near) }));
    const ranked = scored.sort((a, b) => b.s - a.s).map((x) => x.e);
    const best = ownNameFirst(ranked, c.key, weights);
    if (!best) {
      // no entry of that name lies in the named country: the curated place there that holds the
      // name ("Iraqi Kurdistan"), else nothing
      const named = inCountry ? curatedInCountry(c.key, inCountry) : null;
      if (named) out[c.text]?.push({ place: named, start: c.start, end: c.end });
      continue;
    }
    const place = entryPlace(best);
    if (!place) continue;
    if (best.type === 'row') {
      const f = rowFacts(best.index);
      if (inHierarchy(best, c.hierarchy)) c.cue = true;
      const inContext = weights.has(f.country);
      const initial = c.start === 0 || /[.!?"]\s*$/.test(text.slice(0, c.start));
      const oneWord = !c.key.includes(' ');
      // a town that is also an English word, or a one-word name at the start of a sentence, needs a cue
      if (oneWord && common.has(c.key) && !c.cue) continue;
      // "Sarkh, Logar" in a report of Afghanistan's Logar province: a city of that name in another
      // country (Chad's Sarh, "Sarkh" among its spellings) is not it, however large
      if (c.hierarchy !== null && admin1s.has(c.hierarchy) && !inHierarchy(best, c.hierarchy) && !inContext)
        continue;
      if (isSmall(f) && !inHierarchy(best, c.hierarchy)) {
        // "Andriivka, in the Donetsk region": a village of that name elsewhere is not it
        const contradicted = c.hierarchy !== null && admin1s.has(c.hierarchy);
        if (contradicted || !(c.cue && inContext)) continue;
      }
      if (oneWord && initial && !c.cue && !inContext && f.population < 100_000) continue;
      // "the Delmas neighbourhood" in a report of Haiti: part of a city of the story, never a town of
      // that name in another country (South Africa's Delmas)
      if (!inContext && weights.size > 0 && CITY_PART_AFTER.test(near)) continue;
      if (!inContext) {
        const big = f.population >= 1_000_000 || (c.cue && f.population >= 50_000);
        if (weights.size > 0 ? !big : !(c.cue || f.population >= 100_000)) continue;
      }
    } else if (best.type === 'admin1') {
      if (
        !weights.has(best.code.slice(0, 2)) &&
        !DIVISION_AFTER.test(near) &&
        !soleDivision(c.key, c.entries)
      )
        continue;
      if (common.has(c.key) && !DIVISION_AFTER.test(near)) continue;
    }
    out[c.text]?.push({
      place,
      start: c.start,
      end: c.end + (best.type === 'admin1' ? divisionWord(near) : 0),
    });
  }
  // the curated "Darfur" a longer division's name ("North Darfur") took over is not a place of its own
  for (const [t, list] of out.entries())
    out[t] = list.filter(
      (p) =>
        !list.some(
          (q) => q !== p && q.start <= p.start && p.end <= q.end && q.end - q.start > p.end - p.start,
        ),
    );
  addCountryAnaphora(texts, out, candidates);
  addDivisionCapitals(texts, out);
  const dateline = input.datelines?.find((d) => weights.has(d.place.country ?? ''))?.place ?? null;
  addUnlisted(
    texts,
    out,
    [...curated.map((c, t) => [...c, ...(actors[t] ?? [])])],
    datelineEnd,
    weights,
    dateline,
  );
  for (const list of out) list.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * "Pokrovsk" in a report of Ukraine and Russia: Ukraine's Pokrovsk, not Russia's Engels, three
 * times larger, which GeoNames also calls Pokrovsk (its name until 1931). When the best-ranked
 * town has the name only among its alternates and a town in another of the article's countries
 * bears it as its own name, at a tenth of the size or more, that town is meant.
 */
function ownNameFirst(
  ranked: readonly WorldEntry[],
  key: string,
  weights: ReadonlyMap<string, number>,
): WorldEntry | undefined {
  const best = ranked[0];
  if (best?.type !== 'row') return best;
  const f = rowFacts(best.index);
  if (f.nameKey === key || !weights.has(f.country)) return best;
  const own = ranked.find((e) => {
    if (e.type !== 'row') return false;
    const g = rowFacts(e.index);
    return (
      g.nameKey === key &&
      g.country !== f.country &&
      weights.has(g.country) &&
      g.population * 10 >= f.population
    );
  });
  return own ?? best;
}

/** "the capital of Mexico's violence-plagued state of " before a division's name */
const CAPITAL_OF =
  /\bthe\s+(?:(?:provincial|regional|state|state's|province's|region's)\s+)?capital\s+of\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}$/u;

/**
 * "The mayor of the capital of ... Guerrero state": the city is the division's seat (GeoNames'
 * PPLA), named by the words "the capital".
 */
function addDivisionCapitals(texts: readonly string[], out: FoundPlace[][]): void {
  texts.forEach((text, t) => {
    const list = out[t] as FoundPlace[];
    for (const p of [...list]) {
      if (!p.place.id.startsWith('place:a1:')) continue;
      const before = text.slice(Math.max(0, p.start - 80), p.start);
      const m = CAPITAL_OF.exec(before);
      if (!m) continue;
      const seat = loadWorld().admin1Seat(p.place.id.slice('place:a1:'.length));
      if (seat < 0 || rowFacts(seat).feature !== 'PPLA') continue;
      const start = p.start - before.length + m.index;
      const end = start + m[0].indexOf('capital') + 'capital'.length;
      list.push({ place: entryPlace({ type: 'row', index: seat }) as Place, start, end });
    }
  });
}

/** "along the country's coast", "across the country's border": a country's edge, named by the country last named */
const COUNTRY_EDGE =
  /\bthe country['’]s\s+(?:(?:northern|southern|eastern|western|long|rugged)\s+)?(?:coast|coastline|shores?|waters|border|borders)\b/gi;

/**
 * "Security officials fear the collapse of Libya ...", then "militants beheaded 21 Christians along
 * the country's coast": the country is the one the text named last, in that sentence or the two
 * before (by its name: a demonym names people, not the country the sentence is about).
 */
function addCountryAnaphora(
  texts: readonly string[],
  out: FoundPlace[][],
  candidates: readonly Candidate[],
): void {
  texts.forEach((text, t) => {
    for (const m of text.matchAll(COUNTRY_EDGE)) {
      const at = m.index as number;
      const named = candidates.filter(
        (c) =>
          c.text <= t &&
          c.text >= t - 2 &&
          (c.text < t || c.end <= at) &&
          c.entries.length === 1 &&
          c.entries[0]?.type === 'country',
      );
      const last = named[named.length - 1]?.entries[0];
      const place = last ? entryPlace(last) : null;
      if (place) out[t]?.push({ place, start: at, end: at + 'the country'.length });
    }
  });
}

/**
 * Names the gazetteer lacks that the text says are places, inside the place it puts them in
 * ("the Lebanese village of X", "the X border area of northeast Iraq"; src/places/unlisted-places.ts),
 * then the same name wherever else the article writes it ("the area between X and ...").
 */
function addUnlisted(
  texts: readonly string[],
  out: FoundPlace[][],
  blocked: readonly { start: number; end: number }[][],
  datelineEnd: readonly number[],
  weights: ReadonlyMap<string, number>,
  dateline: Place | null,
): void {
  const w = loadWorld();
  // the country whose places the article names most (its actors' states may be elsewhere: Russian
  // jets over Aleppo), on a tie the one named first ("struck Kharkiv ... officials in Moscow"), then
  // the article's weights
  const named = new Map<string, number>();
  let first: string | null = null;
  for (const list of out)
    for (const p of list)
      if (p.place.country) {
        first ??= p.place.country;
        named.set(p.place.country, (named.get(p.place.country) ?? 0) + 1);
      }
  let country: string | null = null;
  const rank = (code: string) =>
    (named.get(code) ?? 0) * 1000 + (code === first ? 500 : 0) + Math.min(499, weights.get(code) ?? 0);
  for (const code of new Set([...named.keys(), ...weights.keys()]))
    if (country === null || rank(code) > rank(country)) country = code;
  const unlisted = new Map<string, Place>();
  const blockedIn = (t: number) => {
    const end = datelineEnd[t];
    return [...(blocked[t] ?? []), ...(end === undefined ? [] : [{ start: 0, end }])];
  };
  let city: Place | null = null;
  // the province of the place the two texts before named (as find-events reads "the place told just
  // before"), in the story's country, for a bare name ("near Babanusa") the sentence puts nowhere;
  // not across a new story ("Separately, ...")
  let province: { place: Place; text: number } | null = null;
  texts.forEach((text, t) => {
    if (NEW_STORY.test(text)) province = null;
    const found = findUnlisted(text, {
      resolved: out[t] ?? [],
      blocked: blockedIn(t),
      known: (name) => knownName(name, w),
      demonym: (word) => demonyms.get(word),
      country,
      dateline,
      city,
      province: province && province.text >= t - 2 ? province.place : null,
      placeById,
      countryId,
    });
    for (const p of out[t] ?? []) {
      if (p.place.kind === 'city' && p.place.country === country) city = p.place;
      const division = p.place.country === country ? provinceOf(p.place) : null;
      if (division) province = { place: division, text: t };
    }
    for (const f of found) {
      out[t]?.push(f);
      if (!unlisted.has(f.place.name)) unlisted.set(f.place.name, f.place);
    }
  });
  if (unlisted.size === 0) return;
  texts.forEach((text, t) => {
    const list = out[t] as FoundPlace[];
    const spans = [...list, ...blockedIn(t)];
    for (const [name, place] of unlisted)
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        if (/[\p{L}\p{N}]/u.test(text.charAt(at - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
        if (spans.some((s) => s.start < end && at < s.end)) continue;
        list.push({ place, start: at, end });
      }
  });
}

/**
 * The country of a name that is one division of the world ("North Kivu", "Borno", "Rakhine",
 * "Tigray"; not "Punjab", which two countries divide), and elsewhere at most a small town (Italy's
 * village of Borno, Germany's Borna, once spelt so): the name alone places it, without the article
 * naming its country.
 */
const SOLE_DIVISION_TOWN = 50_000;
/** a division's name that is a word of direction or kind ("Northeastern", "Central", "Coast"): a word, not a name */
const GENERIC_DIVISION =
  /^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)(?:east|west)(?:ern)?|central|centre|center|capital|coast|coastal|lakes|islands?|upper|lower|highlands?|plateau|interior|border|frontier)$/;
function soleDivision(key: string, entries: readonly WorldEntry[]): string | null {
  if (GENERIC_DIVISION.test(key)) return null;
  const divisions = entries.filter((e) => e.type === 'admin1');
  if (divisions.length !== 1 || entries.some((e) => e.type === 'country')) return null;
  const country = entryCountry(divisions[0] as WorldEntry);
  const elsewhere = (e: WorldEntry) => {
    if (e.type !== 'row' || entryCountry(e) === country) return false;
    const f = rowFacts(e.index);
    return f.population >= SOLE_DIVISION_TOWN || f.feature === 'PPLC' || f.feature === 'PPLA';
  };
  return entries.some(elsewhere) ? null : country;
}

/** "Separately, ...", "Elsewhere, ...": a sentence that opens another story */
const NEW_STORY = /^(?:Separately|Elsewhere|Meanwhile|In (?:a |an )?(?:separate|another|other)\b)/;

/** The province a place lies in (itself when it is one). */
function provinceOf(place: Place): Place | null {
  if (place.kind === 'governorate') return place;
  if (place.kind === 'country' || place.kind === 'region') return null;
  return ancestorsOf(place.id).find((a) => a.kind === 'governorate') ?? null;
}

/** "Wardak province": the division word belongs to the name. */
function divisionWord(after: string): number {
  const m = DIVISION_AFTER.exec(after);
  return m ? m[0].length : 0;
}
