import type { EventKindName } from '@sitrep/schema/event-kinds';

/**
 * Which event kinds can name the same real event, kept as data.
 *
 * Where the groups come from: ACLED's Codebook (2023, section 3) files air/drone strikes,
 * shelling and chemical weapons under one event type, "Explosions/Remote violence", and battles
 * (armed clashes, territory changes) under another; reports of one bombardment routinely
 * disagree on the means ("air strikes", "barrel bombs", "shelling"), so those kinds may merge.
 * IEDs and car or suicide bombs are their own sub-event type and stay apart. A veto is the
 * outcome of a Security Council vote; a ceasefire violation is often reported as its collapse.
 * `GENERIC_KINDS` say only that something violent happened ("attack", ACLED's "Attack" when the
 * means are not reported) and may join any kind of their family.
 */
export const KIND_GROUPS: readonly (readonly EventKindName[])[] = [
  ['airstrike', 'drone_strike', 'barrel_bomb', 'shelling', 'chemical_attack'],
  ['armed_clash', 'territorial_change'],
  ['bombing'],
  ['siege', 'aid_delivery'],
  ['evacuation', 'displacement', 'humanitarian_pause'],
  ['detention', 'disappearance'],
  ['ceasefire_declared'],
  ['ceasefire_violated', 'ceasefire_collapsed'],
  ['un_vote', 'veto'],
  ['statement', 'accusation'],
];

export const GENERIC_KINDS: readonly EventKindName[] = ['attack', 'property_destruction'];

/**
 * Kinds whose place is an institution, not a map point: a UN vote or veto happens in New York
 * and reports rarely say so. Unplaced mentions of these kinds are placed at the kind itself,
 * so two reports of the Security Council vote on one day can meet.
 */
/**
 * Kinds rare enough that the kind itself identifies the event within a country over a few days.
 * ACLED codes "chemical weapon" as its own sub-event type; GPPi's count of chemical attacks in
 * Syria (336 from 2012 to 2019, "Nowhere to Hide", 2019) is about one a week across the whole
 * country, against hundreds of air strikes and shelling incidents a week. Two reports of a
 * chemical attack on overlapping days, in the same country at nested places, are one attack,
 * even when one gives no toll or no place finer than the country ("a suspected chemical attack
 * in Syria"); figures that conflict still keep them apart.
 */
export const RARE_KINDS: readonly EventKindName[] = ['chemical_attack'];

/**
 * Kinds uncommon enough that two reports of one on the same days at nested places ("a bomb
 * attack on buses outside Aleppo" and "a car bomb in al-Rashidin", one of them with no toll) are
 * one incident: ACLED codes IEDs, car bombs and suicide bombs as sub-event types of their own,
 * and they are reported far less often than the strikes and shelling of a province's day, where
 * a toll on one side only ties nothing across places of different size.
 */
export const UNCOMMON_KINDS: readonly EventKindName[] = ['bombing'];

export const PLACELESS_KINDS: readonly EventKindName[] = ['un_vote', 'veto'];

const groupOf = new Map<string, number>();
KIND_GROUPS.forEach((kinds, i) => {
  for (const kind of kinds) groupOf.set(kind, i);
});

/** Whether two kinds (of the same family) can describe one event. */
export function kindsCompatible(a: EventKindName, b: EventKindName): boolean {
  if (a === b) return true;
  if (GENERIC_KINDS.includes(a) || GENERIC_KINDS.includes(b)) return true;
  const ga = groupOf.get(a);
  return ga !== undefined && ga === groupOf.get(b);
}
