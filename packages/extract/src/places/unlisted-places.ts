import type { Place, PlaceKind } from '@sitrep/schema/place';
import notPlaceNames from '../../data/not-place-names.json' with { type: 'json' };

/**
 * Places the gazetteer does not hold, taken only where the text itself says the name is a place
 * and says what it lies in: "the Lebanese village of X", "the X border area of northeast Iraq",
 * "in X, also in northern Burkina Faso", "the battle for X air base". GeoNames' cities500 lacks
 * most villages, camps, bases and valleys that conflict reports name; ACLED codes such an event
 * at the named place with the coordinates of the nearest place it knows and a coarser geo
 * precision, and so does Sitrep: the place keeps the name the text gives, its kind from the
 * word that says what it is, and the coordinates, country and division of the place the text
 * puts it in (its parent). Its id carries both (`unlisted:<kind>:<name>@<parent id>`), so it is
 * found again by id without a table.
 */

const PARTICLE = `(?:al|el|ad|as|ash|ar|an|az|ez|es|ed|en|de|del|la|le|du|bin|ibn|abu|wa)`;
// capitalised words (each part of a hyphenated word too: "Russian-controlled" is no name)
const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*`;
const NAME = `((?:${PARTICLE}[-‐ ])?${CAP}(?:[ -](?:${PARTICLE}[-‐ ])?${CAP}){0,3})`;
const QUOTE_OPEN = `(["“])?`;
const QUOTE_CLOSE = `["”]?`;
const DIRECTION = `(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?`;
const PLACE_WORD = {
  village: 'village',
  town: 'village',
  hamlet: 'village',
  settlement: 'village',
  locality: 'village',
  commune: 'village',
  oasis: 'village',
  city: 'city',
  district: 'neighbourhood',
  neighbourhood: 'neighbourhood',
  neighborhood: 'neighbourhood',
  suburb: 'neighbourhood',
  area: 'area',
  'border area': 'area',
  'border region': 'area',
  region: 'area',
  valley: 'area',
  mountains: 'area',
  township: 'area',
  camp: 'landmark',
  'refugee camp': 'landmark',
  'IDP camp': 'landmark',
  'displacement camp': 'landmark',
  post: 'landmark',
  outpost: 'landmark',
  base: 'landmark',
  'air base': 'landmark',
  airbase: 'landmark',
  airfield: 'landmark',
  'military base': 'landmark',
  peak: 'landmark',
  checkpoint: 'landmark',
  'border crossing': 'landmark',
  crossing: 'landmark',
} as const satisfies Record<string, PlaceKind>;
type PlaceWord = keyof typeof PLACE_WORD;
const WORDS = Object.keys(PLACE_WORD)
  .sort((a, b) => b.length - a.length)
  .join('|');
const BEFORE_WORDS =
  'village|town|township|hamlet|settlement|locality|commune|oasis|city|district|neighbou?rhood|suburb|area|region|valley|camp|refugee camp|post|outpost|base|air base|airbase';

/** "the (Lebanese) (border) village of X" */
const WORD_OF = new RegExp(
  String.raw`\b(?:[Tt]he|a)\s+(?:(\p{Lu}\p{L}+)\s+)?(?:(?:small|remote|nearby|border|frontline|front-line|neighbou?ring|coastal|mountain|desert|rebel-held|${DIRECTION})\s+)*(${BEFORE_WORDS})\s+of\s+${QUOTE_OPEN}${NAME}`,
  'gud',
);
/** "in the X border area", "at X village", "the battle for X air base", "on "X" peak", "the X camp near El Fasher" */
const NAME_WORD = new RegExp(
  String.raw`(?:\b([Ii]n|[Aa]t|[Nn]ear|[Aa]round|[Oo]utside|[Oo]n|of|among|from|for|into|to|across|towards?)\s+(?:the\s+)?|\bthe\s+)${QUOTE_OPEN}${NAME}${QUOTE_CLOSE}\s+(${WORDS})\b`,
  'gud',
);
/** "in X, also in northern Burkina Faso", "located in X, in the north of the country" */
const NAME_IN = new RegExp(
  String.raw`\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+${NAME},\s+(?:(?:also|another\s+\w+|a\s+(?:town|village|city)))?\s*in\s+(?:the\s+)?(?:${DIRECTION}\s+(?!of\b))?`,
  'gud',
);
/**
 * "gangs attacked residents in Cite Soleil", "fighting near Babanusa", "outside Djibasso": a bare
 * name after a preposition of place. Such a name is a place only when no other reading fits (see
 * `bareName`): no actor, organisation, person, month, day, institution ("in Parliament"), owner
 * ("in Hamas's hands") or modifier ("in Geneva talks").
 */
const BARE = new RegExp(String.raw`\b(?:[Ii]n|[Nn]ear|[Oo]utside)\s+${NAME}`, 'gud');
/** "shelled Babanusa, West Kordofan, on Saturday": a name after a lower-case word, a comma, then where it lies */
const NAME_COMMA = new RegExp(String.raw`(?<=\p{Ll}\s)${NAME},\s+(?:in\s+)?(?:the\s+)?`, 'gud');
/** words a place's name does not hold: institutions, languages, feasts, titles (data/not-place-names.json) */
const NOT_PLACE_WORD = new Set(notPlaceNames.words);
/**
 * what may follow a place named bare: punctuation, the end, a function word, a verb ("near Babanusa
 * killed", "in Cite Soleil has"); a lower-case noun right after a name makes it a modifier ("in
 * Geneva talks", "in Tatmadaw custody"), an apostrophe an owner ("in Reuters' count")
 */
const AFTER_BARE =
  /^(?:\s*[,.;:)!?"”]|\s*$|\s+(?:on|in|at|and|or|of|as|after|before|when|where|while|since|during|last|this|that|early|late|overnight|earlier|near|for|to|with|from|over|until|amid|by|into|across|is|was|were|are|has|have|had|will|would|could|which|who|province|state|region|district|area|town|village|city)\b|\s+\p{Ll}+(?:ed|ing)\b)/u;
/** "Haiti's central ...": a possessive before the part of the place the text names next */
const OWNED = new RegExp(String.raw`^['’]s\s+(?:${DIRECTION}\s+)?`, 'u');
/** a country said to be where: "in (neighbouring) Mali", "inside Syria" */
const WHERE_BEFORE =
  /\b(?:in|inside|across)\s+(?:the\s+)?(?:neighbou?ring\s+|northern\s+|southern\s+|eastern\s+|western\s+|central\s+)?$/i;
/** what follows "Babanusa, West Kordofan": the sentence goes on, no title ("Borno state commissioner") */
const AFTER_PARENT =
  /^(?:\s+(?:province|state|region|district|governorate|oblast))?(?:\s*[,.;:)]|\s*$|\s+(?:on|in|at|and|where|after|before|last|this|early|late|overnight|earlier|near|when|while)\b)/;
/** the words before "in" that make what follows a publication: "published in", "wrote in", "an op-ed in" */
const PUBLISHED =
  /\b(?:published|printed|appeared|wrote|written|writing|reported|quoted|column|op-ed|editorial|article|interview|story|advert(?:isement)?)\s*$/i;
/** a person after all: "near Ahmed Ali, who ...", "in Smith said" */
const PERSON_AFTER = /^(?:\s*,\s*(?:who|whose|a|an|the|his|her)\b|\s+(?:said|says|told|added|wrote))/;
const SETTLED = new Set<PlaceKind>(['city', 'town', 'village', 'governorate']);
/** "340 kms north of", "30 km from": a reference point far off, not what a place lies in */
const FAR = /\d\s*(?:km|kms|kilomet(?:re|er)s|miles)\b[^.]{0,25}$/i;
/** how far a place named in the text stands from an offset, a place before it counted nearer */
const distance = (p: { start: number; end: number }, at: number) =>
  p.end <= at ? at - p.end : 2 * (p.start - at);
const MAY_HOLD = new RegExp(
  String.raw`\b(?:${WORDS}|neighborhood)\b|,\s+(?:also\s+)?in\b|\b(?:[Ii]n|[Nn]ear|[Oo]utside)\s+\p{Lu}|\p{Ll}\s\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)*,\s`,
  'u',
);
/** where the text says the place lies: "... of northeast Iraq", "..., in the Donetsk region" */
const PARENT_AFTER = new RegExp(
  String.raw`^\s*(?:,\s*)?(?:of|in|near)\s+(?:the\s+)?(?:${DIRECTION}\s+)?(?:(?:province|region|state|governorate)\s+of\s+)?`,
  'u',
);
/** "on the border with Algeria": the words before a country a place borders, which is not where it lies */
export const BORDER_WITH = /\b(?:border|borders|frontier|boundary)\s+(?:with|of)\s+(?:the\s+)?$/i;
const THE_COUNTRY = new RegExp(
  String.raw`^(?:${DIRECTION}\s+|north|south|east|west)?\s*(?:of\s+)?the\s+country\b`,
  'u',
);

export interface UnlistedContext {
  /** the places resolved in this text, offsets in it */
  resolved: readonly { place: Place; start: number; end: number }[];
  /** spans that are something else (actors, curated names, the dateline) */
  blocked: readonly { start: number; end: number }[];
  /** whether a name is a known place (any sense): then it is not unlisted */
  known: (name: string) => boolean;
  /** a word that is a demonym → its country code ("Lebanese" → "LB") */
  demonym: (word: string) => string | undefined;
  /** the country the article is about, for "in the north of the country" and when nothing else says */
  country: string | null;
  /** the dateline's place, where a neighbourhood named alone most likely is */
  dateline: Place | null;
  /** else the city the article named last, in its country */
  city: Place | null;
  /** the province of the place the two texts before named, in the story's country */
  province?: Place | null;
  placeById: (id: string) => Place | null;
  countryId: (code: string) => string;
}

export interface UnlistedFound {
  place: Place;
  start: number;
  end: number;
}

const NOT_NAME =
  /^(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Old|New|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|President|Minister|General|Army|Police|Islamic|State|National|Republic|United|Security|Defence|Defense|Interior|Ministry|Government|Council|Force|Forces|Brigade|Division|Corps|Command|Arab|Arabs|Sunni|Shia|Shiite|Muslim|Christian|Druze|Alawite|Yazidi|Turkmen|Kurd|Kurds)$/;

/** The unlisted places a text names, each with the place the text puts it in. */
export function findUnlisted(text: string, ctx: UnlistedContext): UnlistedFound[] {
  // most sentences hold no such word: they cost one search
  if (!MAY_HOLD.test(text)) return [];
  const out: UnlistedFound[] = [];
  const overlaps = (spans: readonly { start: number; end: number }[], s: number, e: number) =>
    spans.some((b) => b.start < e && s < b.end);
  const taken = (s: number, e: number) =>
    overlaps(ctx.resolved, s, e) || overlaps(ctx.blocked, s, e) || overlaps(out, s, e);
  const add = (name: string, start: number, end: number, word: PlaceWord, found: Place | null) => {
    const parent = found && acrossBorder(found) ? besideBorder(found) : found;
    if (!parent || taken(start, end) || !isName(name, ctx)) return;
    out.push({ place: unlistedPlace(PLACE_WORD[word], name, parent), start, end });
  };
  // "the town of X on the border with Algeria": the country it borders is not the one it lies in;
  // the dateline's country is ("BAMAKO (Reuters) -"), or none is said
  const acrossBorder = (country: Place) =>
    country.kind === 'country' &&
    ctx.resolved.some(
      (p) => p.place.id === country.id && BORDER_WITH.test(text.slice(Math.max(0, p.start - 30), p.start)),
    );
  const besideBorder = (country: Place): Place | null =>
    ctx.dateline?.country && ctx.dateline.country !== country.country
      ? ctx.placeById(ctx.countryId(ctx.dateline.country))
      : null;
  // "in Haiti's central Artibonite region": the part the country owns, when the text names it next
  const resolvedAt = (at: number): Place | null => {
    const found = ctx.resolved.find((p) => p.start >= at && p.start <= at + 2);
    if (!found) return null;
    const owned = OWNED.exec(text.slice(found.end, found.end + 30));
    const part = owned
      ? ctx.resolved.find(
          (p) =>
            p.start === found.end + owned[0].length &&
            p.place.country === found.place.country &&
            p.place.kind !== 'country',
        )
      : undefined;
    return part?.place ?? found.place;
  };
  // the place named right after ("of northeast Iraq", ", in the Donetsk region", "in the north of the country")
  const parentAfter = (end: number): Place | null => {
    const rest = text.slice(end, end + 80);
    const m = PARENT_AFTER.exec(rest);
    if (!m) return null;
    const at = end + m[0].length;
    if (THE_COUNTRY.test(text.slice(at, at + 40)) && ctx.country)
      return ctx.placeById(ctx.countryId(ctx.country));
    return resolvedAt(at);
  };
  // else a town or province the same text names, nearest (before it first: "in the Moenchengladbach
  // area, near the X base"), not one it is far from ("340 kms north of Baghdad"); else, for a
  // neighbourhood, the dateline's city; else the article's country
  const fallback = (start: number, kind: PlaceKind): Place | null => {
    const towns = ctx.resolved
      .filter(
        (p) =>
          SETTLED.has(p.place.kind) &&
          // a town abroad only when it stands right beside the name ("in Pangram area of Sarkh, Logar")
          (ctx.country === null || p.place.country === ctx.country || distance(p, start) < 60) &&
          !FAR.test(text.slice(Math.max(0, p.start - 40), p.start)),
      )
      .sort((a, b) => distance(a, start) - distance(b, start));
    if (towns[0]) return towns[0].place;
    if (kind === 'neighbourhood' && (ctx.dateline ?? ctx.city)) return ctx.dateline ?? ctx.city;
    return ctx.country ? ctx.placeById(ctx.countryId(ctx.country)) : null;
  };
  // a quoted name ('on "Karda Ku" peak') starts at its quote, so the words before it still read as a place cue
  const startOf = (m: RegExpExecArray, quote: number, name: number) =>
    (m.indices?.[quote]?.[0] ?? m.indices?.[name]?.[0]) as number;
  for (const m of text.matchAll(WORD_OF)) {
    const name = m[4] as string;
    const nameEnd = m.indices?.[4]?.[1] as number;
    const word = (m[2] as string).replace('neighborhood', 'neighbourhood') as PlaceWord;
    const byDemonym = m[1] ? ctx.demonym(m[1]) : undefined;
    const parent =
      parentAfter(nameEnd) ??
      (byDemonym
        ? ctx.placeById(ctx.countryId(byDemonym))
        : m[1]
          ? null
          : fallback(m.index as number, PLACE_WORD[word]));
    add(name, startOf(m, 3, 4), nameEnd, word, parent);
  }
  for (const m of text.matchAll(NAME_WORD)) {
    const word = m[4] as PlaceWord;
    const wordEnd = m.indices?.[4]?.[1] as number;
    const parent = parentAfter(wordEnd);
    // "shelled the X area of Bago region": with no place word before it, only where the text says where it lies
    if (!m[1] && !parent) continue;
    add(
      m[3] as string,
      startOf(m, 2, 3),
      m.indices?.[3]?.[1] as number,
      word,
      parent ?? fallback(m.index as number, PLACE_WORD[word]),
    );
  }
  // a bare name lies where the text says right after it (", West Kordofan", "in the Donetsk region"),
  // else in the province the same text names, else in the article's country
  const bareParent = (end: number): Place | null => {
    const comma = /^,\s+(?:in\s+)?(?:the\s+)?/.exec(text.slice(end, end + 12));
    const named = (comma ? resolvedAt(end + comma[0].length) : null) ?? parentAfter(end);
    if (named) return named;
    const province = ctx.resolved
      .filter(
        (p) => p.place.kind === 'governorate' && (ctx.country === null || p.place.country === ctx.country),
      )
      .sort((a, b) => distance(a, end) - distance(b, end))[0];
    if (province) return province.place;
    // "In neighbouring Mali, ... a market in Tinzaouaten": the country the same sentence says is
    // where, not the province the sentence before named in another
    const country = ctx.resolved.find(
      (p) =>
        p.place.kind === 'country' &&
        WHERE_BEFORE.test(text.slice(Math.max(0, p.start - 30), p.start)) &&
        !BORDER_WITH.test(text.slice(Math.max(0, p.start - 30), p.start)),
    );
    if (country && country.place.country !== ctx.province?.country) return country.place;
    return ctx.province ?? (ctx.country ? ctx.placeById(ctx.countryId(ctx.country)) : null);
  };
  // a headline in title case ("35 Dead in Terrorist Battle in Aleppo") capitalises every word
  // (counted only for a text with a bare name in it: most have none)
  let titleCase: boolean | undefined;
  for (const m of text.matchAll(BARE)) {
    titleCase ??= inTitleCase(text);
    if (titleCase) break;
    const [start, end] = (m.indices as RegExpIndicesArray)[1] as [number, number];
    if (!bareName(m[1] as string, text.slice(end, end + 40))) continue;
    // "published in Haaretz", "an op-ed in Le Monde": a paper, not a place
    if (PUBLISHED.test(text.slice(Math.max(0, (m.index as number) - 30), m.index as number))) continue;
    // "in Syrias divided northeastern city": a known place's possessive, its apostrophe lost
    if (/s$/.test(m[1] as string) && ctx.known((m[1] as string).slice(0, -1))) continue;
    // (a name already read — "in Aleppo" — is no unlisted one: its parent is not looked for)
    if (taken(start, end)) continue;
    add(m[1] as string, start, end, bareWord(m[1] as string), bareParent(end));
  }
  for (const m of text.matchAll(NAME_COMMA)) {
    const [start, end] = (m.indices as RegExpIndicesArray)[1] as [number, number];
    const at = (m.index as number) + m[0].length;
    const parent = resolvedAt(at);
    const held = ctx.resolved.find((p) => p.place === parent && p.start >= at);
    // "Babanusa, West Kordofan, on Saturday"; not "Ali, Borno state commissioner" nor "Ahmed, Sudan's envoy"
    if (!parent || !held || (parent.kind !== 'governorate' && parent.kind !== 'district')) continue;
    if (!AFTER_PARENT.test(text.slice(held.end, held.end + 40))) continue;
    if (!bareName(m[1] as string, text.slice(end, end + 40), true)) continue;
    add(m[1] as string, start, end, 'town', parent);
  }
  for (const m of text.matchAll(NAME_IN)) {
    const at = (m.index as number) + m[0].length;
    const parent = THE_COUNTRY.test(text.slice(at, at + 40))
      ? ctx.country
        ? ctx.placeById(ctx.countryId(ctx.country))
        : null
      : resolvedAt(at);
    add(m[1] as string, m.indices?.[1]?.[0] as number, m.indices?.[1]?.[1] as number, 'village', parent);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether more than 0.6 of the words of a text start with a capital (a title-case headline):
 * the letters at a word boundary as `/\b\p{L}/gu` finds them (an ASCII boundary, as JavaScript's
 * `\b` is), counted in one pass instead of two arrays of matches.
 */
function inTitleCase(text: string): boolean {
  let words = 0;
  let capitals = 0;
  let previousIsWord = false;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const isWord =
      ch.length === 1 && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
    if (isWord !== previousIsWord) {
      const upper = c < 128 ? c >= 65 && c <= 90 : UPPER.test(ch);
      if (upper || (c < 128 ? c >= 97 && c <= 122 : LETTER.test(ch))) {
        words++;
        if (upper) capitals++;
      }
    }
    previousIsWord = isWord;
  }
  return capitals > 0.6 * (words || 1);
}
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;

/**
 * Whether a name after "in"/"near"/"outside" (or before ", <province>") with nothing saying what it
 * is can be a town: no word a place's name does not hold, no owner, modifier or person after it
 * (what `isName` asks of every unlisted name is asked too, when it is added).
 */
function bareName(name: string, after: string, comma = false): boolean {
  if (name.split(/[ -]/).some((w) => NOT_PLACE_WORD.has(w))) return false;
  // "in Mondays attack" (its apostrophe lost), "in N", "in St"
  if (/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days$/.test(name) || name.replace(/[^\p{L}]/gu, '').length < 3)
    return false;
  if (!comma && (!AFTER_BARE.test(after) || PERSON_AFTER.test(after))) return false;
  // "in Kremlin-backed", "in Hamas's hands", "in Reuters' count"
  return !/^[-‐'’]/.test(after);
}

/** "in Baron Street", "near al-Sahil Mosque", "in Tal Madiq Hill": what its last word says it is, else a town */
function bareWord(name: string): PlaceWord {
  const last = /\p{L}+$/u.exec(name)?.[0] ?? '';
  if (/^(?:Street|Square|Road|Mosque|Hall|Park|Bridge|Hill|Roundabout|Market|Airport|Stadium)$/.test(last))
    return 'post';
  if (/^Camp$/.test(last)) return 'camp';
  if (/^(?:District|Quarter|Neighbou?rhood)$/.test(last)) return 'district';
  return 'town';
}

/** A capitalised run that reads as a place's own name: no known place, no title, no demonym, no acronym. */
function isName(name: string, ctx: UnlistedContext): boolean {
  const words = name.split(/[ -]/).filter((w) => /^\p{Lu}/u.test(w));
  // "in Mayor Ahmed's village": an owner, not the place's name
  if (words.length === 0 || /['’]s?$/.test(name)) return false;
  if (words.some((w) => NOT_NAME.test(w) || /^[\p{Lu}\d]{2,}$/u.test(w) || ctx.demonym(w) !== undefined))
    return false;
  // "the Kurdish village", "the Druze town": a people's adjective, not the place's own name
  if (words.length === 1 && /(?:ish|ese|ian|ic)$/.test(name)) return false;
  return !ctx.known(name);
}

export const UNLISTED = 'unlisted:';

/** The place of an unlisted name inside `parent`, at its coordinates. */
export function unlistedPlace(kind: PlaceKind, name: string, parent: Place): Place {
  return {
    id: `${UNLISTED}${kind}:${name}@${parent.id}`,
    name,
    aliases: [],
    kind,
    parentId: parent.id,
    lat: parent.lat,
    lon: parent.lon,
    country: parent.country,
    geonamesId: null,
    admin1: parent.admin1 ?? (parent.kind === 'governorate' ? parent.name : null),
    admin2: parent.admin2 ?? null,
    population: null,
  };
}

/** The place of an `unlisted:` id, its parent found by `placeById`; null when the id is not one. */
export function unlistedById(id: string, placeById: (id: string) => Place | null): Place | null {
  const m = /^unlisted:([a-z]+):([^@]+)@(.+)$/.exec(id);
  if (!m) return null;
  const parent = placeById(m[3] as string);
  return parent ? unlistedPlace(m[1] as PlaceKind, m[2] as string, parent) : null;
}

/** Whether a place is one the gazetteer does not hold (its coordinates are its parent's). */
export const isUnlisted = (place: Place): boolean => place.id.startsWith(UNLISTED);
