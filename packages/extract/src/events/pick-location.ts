import type { EventLocation } from '@sitrep/schema/event';
import type { LocationPrecision, Place } from '@sitrep/schema/place';
import { governorateOf, placeById } from '../entities/gazetteer.ts';

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

export function locationOf(place: Place): EventLocation {
  return { name: place.name, placeId: place.id, precision: PRECISION[place.kind] };
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
const PLACE_PREPOSITION = /\b(?:in|at|to|on)\s+(?:the\s+)?$/i;
/** "the war in Syria": what the talks are about, not where they are */
const TOPIC = /\b(?:war|crisis|conflict|violence|situation|fighting)\s+in\s+(?:the\s+)?$/i;

/** The few words before an offset: enough for "northeast of", "the war in", and linear in the text. */
const lead = (text: string, at: number): string => text.slice(Math.max(0, at - 40), at);

export interface PlaceRules {
  /** violence happens in Syria: a foreign capital in the sentence is where someone spoke */
  syriaOnly: boolean;
  /** diplomacy: only a place after the trigger and after "in"/"at"/"to" ("will meet ... in Geneva") */
  strict: boolean;
}

/**
 * The place named after the trigger ("clashes ... in Sheikh Saeed"), else the most specific
 * one before it; several neighbourhoods of one city in a row ("al-Kalaseh, Bustan al-Qasr and
 * al-Sakhour") give the city.
 */
export function pickPlace(
  text: string,
  places: readonly LocalPlace[],
  at: number,
  rules: PlaceRules,
): EventLocation | null {
  const usable = places.filter(
    (p) =>
      (!rules.syriaOnly || p.place.country === 'SY') &&
      (!rules.strict ||
        (p.start >= at && PLACE_PREPOSITION.test(lead(text, p.start)) && !TOPIC.test(lead(text, p.start)))),
  );
  const after = usable.filter((p) => p.start >= at);
  const run = after.filter((p, i) => i === 0 || p.start - (after[i - 1] as LocalPlace).end < 8);
  if (
    run.length > 1 &&
    run.every((p) => p.place.parentId === run[0]?.place.parentId && p.place.kind === 'neighbourhood')
  ) {
    const parent = placeById(run[0]?.place.parentId ?? '');
    if (parent) return locationOf(parent);
  }
  // before the trigger: the most specific place, the first named on a tie ("In the Dar al-Islam cemetery near ...")
  const before = usable.filter((p) => p.end <= at);
  const specific = before.sort((a, b) => RANK[a.place.kind] - RANK[b.place.kind] || a.start - b.start)[0];
  const chosen = after[0] ?? specific;
  if (!chosen) return null;
  // "northeast of Aleppo" is outside the city: the governorate is as precise as the text allows
  const governorate = OUTSIDE.test(lead(text, chosen.start)) ? governorateOf(chosen.place.id) : null;
  return locationOf(governorate ?? chosen.place);
}
