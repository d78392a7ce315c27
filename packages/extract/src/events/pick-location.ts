import type { EventLocation } from '@sitrep/schema/event';
import type { GeoPrecision, LocationPrecision, Place } from '@sitrep/schema/place';
import { ancestorsOf, governorateOf, placeById } from '../entities/gazetteer.ts';
import { BORDER_WITH, isUnlisted } from '../places/unlisted-places.ts';

/** A gazetteer place found in a sentence, offsets in the sentence. */
export interface LocalPlace {
  place: Place;
  start: number;
  end: number;
}

const PRECISION: Record<Place['kind'], LocationPrecision> = {
  region: 'region',
  country: 'country',
  governorate: 'governorate',
  district: 'city',
  city: 'city',
  town: 'city',
  village: 'city',
  neighbourhood: 'neighbourhood',
  landmark: 'exact',
  area: 'neighbourhood',
};

/**
 * ACLED's geo precision: 1 the place itself, 2 near it ("near", "outside", "north of") or a part
 * of a region (an area, a district), 3 only the province or coarser.
 */
function geoPrecisionOf(place: Place, near: boolean): GeoPrecision {
  if (place.kind === 'governorate' || place.kind === 'country' || place.kind === 'region') return 3;
  // a place the gazetteer lacks has its parent's coordinates: near a town, or a part of the province
  // it is said to lie in (ACLED's 2: "a part of a region"); with only its country known, 3
  if (isUnlisted(place)) {
    const parent = placeById(place.parentId ?? '');
    return parent && parent.kind !== 'country' && parent.kind !== 'region' ? 2 : 3;
  }
  return near || place.kind === 'district' || place.kind === 'area' ? 2 : 1;
}

export function locationOf(place: Place, near = false): EventLocation {
  return {
    name: place.name,
    placeId: place.id,
    precision: PRECISION[place.kind],
    geoPrecision: geoPrecisionOf(place, near),
  };
}

const RANK: Record<Place['kind'], number> = {
  landmark: 0,
  neighbourhood: 1,
  area: 2,
  village: 3,
  town: 3,
  city: 3,
  district: 4,
  governorate: 5,
  country: 6,
  region: 7,
};

const OUTSIDE = /\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+$/i;
/** "near Kharkiv", "outside the city of Goma", "30 km from Mosul": the place is a reference point */
const NEAR =
  /\b(?:near|nearby|outside|close to|around|outskirts of|vicinity of|(?:km|kilometres|kilometers|miles)\s+(?:from|of|north of|south of|east of|west of))\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$/i;
const PLACE_PREPOSITION =
  /\b(?:in|at|to|on|across)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$/i;
/** "Moscow helped turn the tide", "Kyiv said": a foreign capital as the subject of a verb is its state */
const VERB_AFTER =
  /^\s+(?:has|have|had|is|was|will|would|could|did|does|helped|said|says|denied|accused|blamed|launched|sent|backed|supports?|wants?|insists?|claims?|hopes?|fears?|[a-z]+ed)\b/;
/** "which Moscow blamed on Kyiv", "attributed to Tehran": the state held responsible, not where */
const BLAMED =
  /\b(?:blamed\s+(?:it\s+)?on|blaming|attributed\s+(?:it\s+)?to|accused|accusing)\s+(?:the\s+)?$/i;
/** "340 kms north of Baghdad", "200 nautical miles south-west of Veraval": a distant reference point, not where */
const FAR_FROM =
  /\b(?:[5-9]\d|\d{3,}|\d{1,3}(?:,\d{3})+)\s*(?:km|kms|kilomet(?:re|er)s|(?:nautical\s+)?miles)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?$/i;
/** "IRNA, monitored by the BBC in London, said", "received in London": where a report was heard, not where */
const LISTENER =
  /\b(?:monitored|received|heard|quoted|broadcast|speaking)\b[^,.;]{0,40}\b(?:in|at|from)\s+(?:the\s+)?$/i;
/**
 * "A US drone strike killed ...", "U.S. forces raided ...", "Ukraine drone attacks hit ...": a
 * country named right before the arms or forces it sends is the side that struck, not where
 */
const SIDE_ARMS =
  /^\s+(?:(?:drone|air|missile|rocket|artillery|naval|special)\s+)?(?:strikes?|airstrikes?|air strikes?|drones?|missiles?|rockets?|warplanes|jets|aircraft|bombers|helicopters|forces|troops|military|army|navy|soldiers|marines|raids?|artillery|shelling|attacks?|operations?|coalition)\b/i;
/** between a city and the part of it named next: "the Port-au-Prince suburb of Kenscoff" */
const PART_OF = /^\s+(?:suburbs?|district|neighbou?rhood|quarter|outskirts)\s+of\s+(?:the\s+)?$/i;
/** "the war in Syria": what the talks are about, not where they are */
const TOPIC = /\b(?:war|crisis|conflict|violence|situation|fighting)\s+in\s+(?:the\s+)?$/i;

/** The few words before an offset: enough for "northeast of", "the war in", and linear in the text. */
const lead = (text: string, at: number): string => text.slice(Math.max(0, at - 40), at);

export interface PlaceRules {
  /**
   * violence happens in the article's countries (the first the most named): a foreign capital in
   * the sentence is where someone spoke, and a place outside the first country that is the
   * subject of a verb ("Moscow helped ...") is a state
   */
  within: ReadonlySet<string> | null;
  /** diplomacy: only a place after the trigger and after "in"/"at"/"to" ("will meet ... in Geneva") */
  strict: boolean;
}

/**
 * The place named after the trigger ("clashes ... in Sheikh Saeed"), else the most specific
 * one before it; several neighbourhoods of one city in a row ("al-Kalaseh, Bustan al-Qasr and
 * al-Sakhour") give the city.
 */
/** Whether `inner` lies in `outer`: its parent chain, its admin1 or its country says so. */
export function isWithin(inner: Place, outer: Place): boolean {
  if (outer.kind === 'country') return inner.country === outer.country;
  if (
    inner.admin1 &&
    outer.kind === 'governorate' &&
    inner.country === outer.country &&
    inner.admin1 === outer.name
  )
    return true;
  return ancestorsOf(inner.id).some((a) => a.id === outer.id);
}

export function pickPlace(
  text: string,
  places: readonly LocalPlace[],
  at: number,
  rules: PlaceRules,
): EventLocation | null {
  const inScope = (p: LocalPlace) =>
    // "near the town of X on the border with Algeria": the country it borders is not where
    !(p.place.kind === 'country' && BORDER_WITH.test(lead(text, p.start))) &&
    !(
      p.place.kind === 'country' &&
      SIDE_ARMS.test(text.slice(p.end, p.end + 40)) &&
      !PLACE_PREPOSITION.test(lead(text, p.start)) &&
      !NEAR.test(lead(text, p.start))
    ) &&
    !BLAMED.test(lead(text, p.start)) &&
    !LISTENER.test(lead(text, p.start)) &&
    !FAR_FROM.test(lead(text, p.start)) &&
    (!rules.strict ||
      (p.start >= at && PLACE_PREPOSITION.test(lead(text, p.start)) && !TOPIC.test(lead(text, p.start))));
  const within = places.filter(
    (p) =>
      inScope(p) &&
      (!rules.within ||
        (rules.within.has(p.place.country ?? '') &&
          (p.place.country === rules.within.values().next().value ||
            PLACE_PREPOSITION.test(lead(text, p.start)) ||
            !VERB_AFTER.test(text.slice(p.end, p.end + 30))))),
  );
  // "blew up the embassies in Kenya and Tanzania": outside the article's countries only when the
  // sentence says no place in them is where, and the place is said to be where ("in", "at", "on")
  const outside = within.some((p) => PLACE_PREPOSITION.test(lead(text, p.start)))
    ? []
    : places.filter(
        (p) =>
          !within.includes(p) &&
          inScope(p) &&
          // "IRNA, monitored by the BBC in London, said Iran had seized ...": where someone spoke
          !/^\s*,?\s*(?:said|says|told|reported|added)\b/.test(text.slice(p.end, p.end + 20)) &&
          PLACE_PREPOSITION.test(lead(text, p.start)) &&
          !TOPIC.test(lead(text, p.start)),
      );
  const usable = [...within, ...outside].sort((a, b) => a.start - b.start);
  const after = usable.filter((p) => p.start >= at);
  const run = after.filter((p, i) => i === 0 || p.start - (after[i - 1] as LocalPlace).end < 8);
  if (
    run.length > 1 &&
    run.every((p) => p.place.parentId === run[0]?.place.parentId && p.place.kind === 'neighbourhood')
  ) {
    const parent = placeById(run[0]?.place.parentId ?? '');
    if (parent) return locationOf(parent);
  }
  const cued = (p: LocalPlace) =>
    PLACE_PREPOSITION.test(lead(text, p.start)) ||
    NEAR.test(lead(text, p.start)) ||
    OUTSIDE.test(lead(text, p.start));
  // "Tripoli's air base", "South Africa's biggest township of Soweto": a possessive names an owner, not where
  const possessive = (p: LocalPlace) => /^['’]s\s+(?!\p{Lu})/u.test(text.slice(p.end, p.end + 4));
  // before the trigger: the most specific place said to be where ("on southern Israel", not "governs
  // Gaza"), the first named on a tie ("In the Dar al-Islam cemetery near ...")
  const before = usable.filter((p) => p.end <= at);
  const bySpecificity = (a: LocalPlace, b: LocalPlace) =>
    RANK[a.place.kind] - RANK[b.place.kind] || a.start - b.start;
  const said = [...before.filter(cued)].sort(bySpecificity)[0];
  // "mayor of Cotija in Michoacán state": a place named inside the one said to be where is more precise
  const inside = said
    ? before.filter((p) => bySpecificity(p, said) < 0 && isWithin(p.place, said.place)).sort(bySpecificity)[0]
    : undefined;
  const specific = inside ?? said ?? [...before].sort(bySpecificity)[0];
  // "Two United States service members were killed ... in Afghanistan": a country as a modifier is not where
  const located = after.filter((p) => !possessive(p));
  const first =
    located[0]?.place.kind === 'country' && !cued(located[0])
      ? (located.find(cued) ?? located[0])
      : (located[0] ?? after[0]);
  const picked = first ?? specific;
  if (!picked) return null;
  // "in northwest Nigeria's Kaduna state", "Ethiopia's Amhara region": the part the country owns is where
  const owned = /^['’]s\s+/.exec(text.slice(picked.end, picked.end + 4));
  // "the Port-au-Prince suburb of Kenscoff": the part of the city named after it is where
  // (not "the Zahra neighbourhood of Aleppo", the same words the other way round: the place after
  // them is the part only when it is the smaller)
  const partOf = /\bthe\s+$/i.test(lead(text, picked.start))
    ? usable.find(
        (p) =>
          p.start > picked.end &&
          PART_OF.test(text.slice(picked.end, p.start)) &&
          p.place.country === picked.place.country &&
          RANK[p.place.kind] <= RANK[picked.place.kind] &&
          (p.place.population ?? 0) < (picked.place.population ?? 0),
      )
    : undefined;
  const chosen =
    (owned &&
      usable.find((p) => p.start === picked.end + owned[0].length && isWithin(p.place, picked.place))) ||
    partOf ||
    picked;
  // "northeast of Aleppo" is outside the city: the governorate is as precise as the text allows
  const governorate = OUTSIDE.test(lead(text, chosen.start)) ? governorateOf(chosen.place.id) : null;
  return locationOf(governorate ?? chosen.place, NEAR.test(lead(text, chosen.start)));
}
