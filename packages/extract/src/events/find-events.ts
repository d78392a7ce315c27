import type { Actor } from '@sitrep/schema/actor';
import type { CasualtyFigure, Event, EventLocation, Participant } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import { stableId } from '@sitrep/schema/ids';
import type { Place } from '@sitrep/schema/place';
import type { Measure } from '@sitrep/schema/quantity';
import { addDays } from '../dates/calendar.ts';
import { type ActorMatch, actorById } from '../entities/actors.ts';
import { places as gazetteerPlaces, governorateOf, placeById } from '../entities/gazetteer.ts';
import { ACCIDENT, type SentenceQuantity } from '../numbers/find-quantities.ts';
import { UNITS } from '../numbers/number-words.ts';
import { clauseOf, totalPhrase } from '../numbers/totals.ts';
import { BORDER_WITH } from '../places/unlisted-places.ts';
import type { Sentence } from '../prepared-document.ts';
import {
  firstTriggerMatches,
  isViolence,
  OTHER_INCIDENT,
  STRIKE,
  STRIKE_MEANS,
  TRIGGERS,
  type Trigger,
} from './event-triggers.ts';
import { type LocalDate, pickDate } from './pick-date.ts';
import { isWithin, type LocalPlace, locationOf, pickPlace } from './pick-location.ts';

export interface EventInput {
  articleId: string;
  /** the date mentions of a sentence, parsed once and shared with the claims */
  datesOf: (sentence: number) => LocalDate[];
  sentences: readonly Sentence[];
  /** each sentence with quoted words blanked out: events are what the outlet reports, not what a speaker says */
  masked: readonly string[];
  quantities: readonly SentenceQuantity[][];
  places: readonly LocalPlace[][];
  /** known actors named in each sentence */
  actors: readonly ActorMatch[][];
  claimBySentence: readonly (string | null)[];
  /** the countries the article is about: violence is placed in them */
  countries?: ReadonlySet<string>;
  /** where violence is when a sentence names no place: the article's first place in its countries */
  fallback: EventLocation | null;
  /** the dateline's place ("KABUL (Reuters) -") when it lies in the article's first country */
  dateline?: EventLocation | null;
}

const CASUALTY: Measure[] = ['killed', 'injured', 'missing'];
/** The figures of people leaving, and the kinds they make an event of. */
const FLOW: Measure[] = ['displaced', 'fled', 'evacuated'];
const FLOW_KINDS = new Set<Event['kind']>(['displacement', 'evacuation']);
/**
 * "… hours after a chemical attack", "a day after the strike": what follows names an earlier
 * incident. A bare "after" is the cause ("killed after airstrikes targeted the east") and is one.
 */
const EARLIER_INCIDENT =
  /\b(?:hours|days|weeks|months|a day|a week|a month|the day|the morning|shortly)\s+(?:after|following)\b/i;
/** "in Rashidin", "at a checkpoint near Mosul", "west of Aleppo": a place said to be where */
const CUED_BEFORE =
  /\b(?:in|at|near|outside|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:town|city|village|province)\s+of\s+)?$/i;
const MIXED_FATES =
  /\b(?:killed|dead|killing)\s*(?:,\s*\w+\s*)?,?\s*(?:or|and\/or)\s+(?:wounded|injured|captured|hurt)\b/i;
const CITY_ANAPHOR =
  /\b(?:the|this|[\w-]+) (?:city|town)\b|\b(?:opposition|rebel|government)-(?:held|controlled) (?:areas|parts|districts|neighbou?rhoods)\b|\bthe (?:offensive|assault|bombardment)\b/i;
/** "The death toll from that strike", "the attack killed two soldiers": the incident told just before */
/** The words an incident is named again by ("the blast", "in the attack"). */
const INCIDENT_WORDS = 'attack|strike|blast|bombing|explosion|assault|raid|ambush|shelling|massacre';
const INCIDENT_ANAPHOR = new RegExp(`\\b(?:the|that|this) (?:${INCIDENT_WORDS})\\b`, 'i');
/**
 * A sentence that goes on with the story just told rather than opening a new line: it names that
 * incident again ("The attack killed two soldiers", "The offensive is in ..."), or it carries on
 * the report of the source just quoted ("It said at least 2,000 ...", "INA said hundreds ...").
 * A timeline's or a background paragraph's line ("Thousands more civilians were killed.") does
 * neither, so it stays unplaced.
 */
const GOES_ON =
  /^\W*(?:(?:the|that|this) (?:attack|strike|blast|bombing|explosion|assault|raid|ambush|shelling|massacre|killings?|offensive|incident|fighting|operation)\b|(?:it|they|he|she) (?:also )?(?:said|says|added|reported)\b)/i;
const SOURCE_SAID = /^\W*(?:the\s+)?(\p{Lu}[\p{L}-]+)\s+(?:also\s+)?(?:said|says|added|reported)\b/u;
function goesOn(text: string, before: string | undefined): boolean {
  if (GOES_ON.test(text)) return true;
  const source = SOURCE_SAID.exec(text)?.[1];
  return source !== undefined && before !== undefined && new RegExp(`\\b${source}\\b`).test(before);
}
const ENTERED = /\b(?:entered|marched into|swept into|rolled into)\b/i;
/** "an attack on Tel Aviv that killed", "the strike, which wounded": a toll told of the words just before */
const TOLL_OF_RELATIVE =
  /^[^,;.]{0,60}?,?\s*\b(?:that|which)\s+(?:had\s+|has\s+)?(?:also\s+|reportedly\s+)?(?:killed|wounded|injured|left|claimed)\b(?:\s+(?:at least|more than|about|around|nearly|some|up to|over))?\s*$/i;
/** "a resolution aimed at ending ... airstrikes": the words name what someone wants stopped, not an event */
const NOT_HAPPENING =
  /\b(?:ending|end to|halt(?:ing)?|stop(?:ping)?|calling for|demanding|prevent(?:ing)?)\b[\w\s-]{0,30}$/i;
/** A period of a few days up to the report: "since Thursday", "in the past three days", "since last week". */
const RECENT_DAYS =
  /\b(?:since (?:(?:last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|night)|yesterday)|(?:in|over|during|within|for) the (?:past|last|previous) (?:(?:two|three|four|five|six|seven|several|few|\d) (?:days|nights)|(?:(?:\d{1,2}|twenty-four|forty-eight|seventy-two|few|several) )?hours|day|night|week))\b/i;
/**
 * "The Houthis have fired missiles at Israel and attacked ships in the Red Sea since November
 * 2023": violence told in the perfect over a period is a campaign's background, not an incident
 * (a few days up to the report — "have shelled the town since Thursday" — is an episode and stays).
 */
function campaign(text: string, m: RegExpExecArray): boolean {
  if (!totalPhrase(text, m.index, m.index + m[0].length)) return false;
  const { from, to } = clauseOf(text, m.index, m.index + m[0].length);
  const clause = text.slice(from, to);
  // (the few days may stand past a dash: "has claimed more lives — on both sides — in the past 48 hours")
  return (
    !RECENT_DAYS.test(text) && /\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|ght|un)\b/i.test(clause)
  );
}
/** "150 people displaced by fighting", "families fleeing the clashes": the violence is why they left, told with no where or when */
const FLED_FROM =
  /\b(?:displaced by|uprooted by|driven (?:out|away|from their homes) by|fled|fleeing|flee|escaping|escaped|escape)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i;
/** "shot down 27 of 30", "intercepted 12 of the": what air defence stopped, counted over a country */
const INTERCEPTED =
  /\b(?:shot down|shooting down|intercepted|intercepting|downed|destroyed|neutrali[sz]ed)\s+(?:(?:all|most|\d+|[a-z]+)\s+(?:of\s+)?)?(?:the\s+)?(?:\d+\s+)?$/i;
const ATTACK: Trigger = {
  kind: 'attack',
  pattern: /$^/,
  date: 'near',
  place: true,
  localOnly: false,
  needs: null,
  counts: false,
};
/** The quantity that counts the event itself: "at least 20 airstrikes", "vetoed six resolutions". */
const COUNTED: Partial<Record<Event['kind'], Measure>> = {
  veto: 'vetoes',
  airstrike: 'strikes',
  chemical_attack: 'munitions',
  barrel_bomb: 'munitions',
  shelling: 'munitions',
  // "launched 92 drones at Ukraine": the wave's size (never its casualties)
  drone_strike: 'munitions',
};

/**
 * What the event counts: the figures of its measure inside the trigger's own words, added up when
 * they are a wave's list ("launched 87 Shahed drones and two Iskander-M missiles" is 89), else the
 * first such figure of the sentence ("at least 20 airstrikes hit ..."); none for a word for many.
 */
function countOf(
  qs: readonly SentenceQuantity[],
  kind: Event['kind'],
  at: number,
  end: number,
): number | null {
  const measure = COUNTED[kind];
  if (!measure) return null;
  const inside = qs.filter((q) => q.measure === measure && q.start < end && q.end > at);
  // (a drone strike is counted only by its own words: "38 cluster bombs, drone attacks" counts no drones)
  const figures =
    inside.length > 1 || kind === 'drone_strike'
      ? inside
      : qs.filter((q) => q.measure === measure).slice(0, 1);
  // ("fired dozens of rockets": a word for many is no count; its least value would pass for one)
  if (figures.length === 0 || figures.some((q) => q.qualifier === 'vague')) return null;
  return figures.reduce((n, q) => n + q.value.best, 0);
}

/** A wave's trigger: the launching verb opens its words ("launched 92 drones ... at Ukraine"). */
const LAUNCHED =
  /^(?:launched|fired|sent|unleashed)\s+(?!(?:an?|the)\s+(?:[\w-]+\s+)?(?:offensive|operation|assault|attack)\b)/i;
/** "fighting in the mountains of Kurdistan", "fighting near Bakhmut": where the fighting is, named */
const FOUGHT_WHERE =
  /^fighting\s+(?:[\w-]+\s+){0,3}?(?:in|near|around|outside|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?\p{Lu}/u;
/** "is fighting", "has been fighting", "are still fighting": the verb of an ongoing war */
const ONGOING =
  /\b(?:is|are|am|been|be|keeps?|kept|continues? to|continued to)\s+(?:[\w-]+ly\s+|still\s+|now\s+|also\s+)?$/i;
const HAVE_BEFORE = /\b(?:has|have)\s+(?:[\w-]+ly\s+|also\s+|now\s+|so far\s+)?$/i;

/** "attacked a military base with explosive-laden drones": the means an attack was carried out with */
const WITH_MEANS =
  /^[^.;]{0,60}?\bwith\s+(?:[\w-]+\s+){0,3}?((?:drones?|UAVs?|missiles?|rockets?|mortars?|artillery|shells)\b)/i;

/**
 * "ELN guerrillas attacked a military base ... with explosive-laden drones on Tuesday, killing
 * three soldiers": an attack said to be carried out with drones, missiles or shells is of the
 * kind its means name (ACLED codes the means: Air/drone strike, Shelling/artillery/missile
 * attack); the means' own trigger, if any, is the same incident.
 */
function meansOfAttack(text: string, hits: { trigger: Trigger; at: number; end: number }[]): void {
  for (const hit of hits) {
    if (hit.trigger.kind !== 'attack' || hit.trigger === ATTACK) continue;
    const m = WITH_MEANS.exec(text.slice(hit.end));
    const kind = m ? STRIKE_MEANS.find((s) => s.pattern.test(m[1] as string))?.kind : undefined;
    const trigger = kind ? TRIGGERS.find((t) => t.kind === kind) : undefined;
    if (!trigger) continue;
    for (let k = hits.length - 1; k >= 0; k--) if (hits[k]?.trigger.kind === kind) hits.splice(k, 1);
    hit.trigger = trigger;
  }
}

/** The kinds that name an incident by its means or as an attack: one phrase names one of them. */
const NAMES_MEANS = (kind: Event['kind']) =>
  kind === 'attack' || eventKindInfo(kind).acled?.[0] === 'Explosions/Remote violence';
/** A word for the incident itself, with no means of its own: "a missile strike explosion" */
const GENERIC_INCIDENT = /^(?:explosions?|blasts?|bomb (?:blast|attack|explosion))$/i;

/**
 * "A glide bomb attack", "drones attacked a market", "a mortar bomb attack", "launched 92 drones
 * and two ballistic missiles at Ukraine": trigger phrases of remote violence or attack that share
 * words name one incident, not two; so does a word for the incident right after its means ("a
 * missile strike explosion", "the barrel bomb explosion"). The first (the words naming its means)
 * stands; on the same start, the longer (a wave's list holds the missiles it names). Means listed
 * side by side ("Car bomb, rocket fire kill 45", its comma lost) stay two, and so do a clash, a
 * capture or destruction told with them.
 */
function onePhraseOneIncident(text: string, hits: { trigger: Trigger; at: number; end: number }[]): void {
  const named = hits.filter((h) => NAMES_MEANS(h.trigger.kind)).sort((a, b) => a.at - b.at || b.end - a.end);
  const gone = new Set<object>();
  for (const [i, first] of named.entries()) {
    if (gone.has(first)) continue;
    for (const next of named.slice(i + 1)) {
      if (gone.has(next)) continue;
      const touching =
        /^[\s-]*$/.test(text.slice(first.end, next.at)) &&
        GENERIC_INCIDENT.test(text.slice(next.at, next.end));
      if (next.at < first.end || touching) gone.add(next);
    }
  }
  if (gone.size === 0) return;
  const kept = hits.filter((h) => !gone.has(h));
  hits.splice(0, hits.length, ...kept);
}

/** A stretch of a sentence, offsets in it. */
interface Clause {
  from: number;
  to: number;
}
const EVERYWHERE: Clause = { from: 0, to: Number.POSITIVE_INFINITY };
const inClause = (c: Clause, at: number) => at >= c.from && at < c.to;

function casualty(
  qs: readonly SentenceQuantity[],
  measure: Measure,
  text: string,
  clause: Clause = EVERYWHERE,
): CasualtyFigure | null {
  const total = qs.find(
    (q) => q.measure === measure && q.partOf === null && !q.cumulative && inClause(clause, q.start),
  );
  if (!total) return null;
  const index = qs.indexOf(total);
  // "seven soldiers, several civilians and 80 attackers were killed": the parts of one toll
  const parts = [index];
  let uncounted = false;
  qs.forEach((q, j) => {
    if (q.sumWith !== null && parts.includes(q.sumWith) && inClause(clause, q.start)) {
      parts.push(j);
      uncounted ||= q.uncountedPart;
    }
  });
  if (parts.length > 1) return sumOf(qs, parts, uncounted);
  const competing = competingWith(qs, index, measure, text)
    .filter((j) => inClause(clause, (qs[j] as SentenceQuantity).start))
    .map((j) => (qs[j] as SentenceQuantity).value.best);
  const breakdown: CasualtyFigure['breakdown'] = {};
  const { best } = total.value;
  // "killed at least 20, while rescuers put the toll at 35": one incident, its figures as a range
  const low = competing.length ? Math.min(best, total.value.low ?? best, ...competing) : total.value.low;
  const high = competing.length ? Math.max(best, total.value.high ?? best, ...competing) : total.value.high;
  // a "subgroup" larger than its total was misread as one (a count of something else)
  for (const q of qs)
    if (q.partOf === index && (q.value.best <= (high ?? best) || total.qualifier === 'vague'))
      breakdown[q.group] = q.value.best;
  return { best, low, high, qualifier: total.qualifier, group: total.group, breakdown };
}

/** Words that set another source's toll beside the first: "while rescuers put the toll at 35". */
const COMPETING =
  /\b(?:while|whereas|but|although|though|other(?:s)?|another|put (?:the|its) (?:death )?toll|gave a (?:death )?toll|according to|said|says|estimated?)\b/i;

/** The other figures of the same measure that give the same incident's toll another way. */
function competingWith(
  qs: readonly SentenceQuantity[],
  index: number,
  measure: Measure,
  text: string,
): number[] {
  const first = qs[index] as SentenceQuantity;
  return qs
    .filter(
      (q, j) =>
        j > index &&
        q.measure === measure &&
        q.partOf === null &&
        q.sumWith === null &&
        !q.cumulative &&
        q.qualifier !== 'vague' &&
        COMPETING.test(text.slice(first.end, q.start)),
    )
    .map((q) => qs.indexOf(q));
}

/**
 * One toll told in parts, added up: the groups go to the breakdown, and the sum is a lower
 * bound when a part is hedged upward or not counted ("several civilians").
 */
function sumOf(
  qs: readonly SentenceQuantity[],
  parts: readonly number[],
  uncounted: boolean,
): CasualtyFigure {
  const figures = parts.map((j) => qs[j] as SentenceQuantity);
  const best = figures.reduce((n, q) => n + q.value.best, 0);
  const breakdown: CasualtyFigure['breakdown'] = {};
  for (const q of figures) breakdown[q.group] = (breakdown[q.group] ?? 0) + q.value.best;
  const groups = Object.keys(breakdown);
  const lowerBound =
    uncounted ||
    figures.some((q) => q.qualifier === 'at_least' || q.qualifier === 'more_than' || q.qualifier === 'vague');
  const exact = figures.every((q) => q.qualifier === 'exact');
  return {
    best,
    low: lowerBound ? best : null,
    high: null,
    qualifier: lowerBound ? 'at_least' : exact ? 'exact' : 'about',
    group: groups.length === 1 ? (figures[0] as SentenceQuantity).group : 'people',
    breakdown: groups.length === 1 ? {} : breakdown,
  };
}

function votes(qs: readonly SentenceQuantity[], measure: Measure): number | null {
  return qs.find((q) => q.measure === measure)?.value.best ?? null;
}

/**
 * Actors whose business is reporting: outlets and monitoring groups (the Syrian Observatory for
 * Human Rights), and the people who speak for them. In a sentence about an airstrike they are
 * the source ("..., according to the Observatory"), never the side that struck or was struck;
 * before this, FA-KES gave the Observatory 259 perpetrator and 343 target roles.
 */
const REPORTER_KINDS = new Set(['media', 'monitoring_group']);
/**
 * Actors who report, count, condemn or are hit, but never carry out an attack: UN bodies, aid
 * and rights organisations, ministries (whose forces are their own actors). An RSF attack on a
 * dam "the UN said" was hit is not the UN's attack.
 */
const NO_SIDE_KINDS = new Set(['intergovernmental', 'organisation', 'government_body']);

function employerKind(actor: Actor): string | null {
  const employer = actor.affiliation ? actorById(actor.affiliation) : null;
  return employer?.kind ?? null;
}

function reports(actor: Actor): boolean {
  return REPORTER_KINDS.has(actor.kind) || REPORTER_KINDS.has(employerKind(actor) ?? '');
}

/** Whether the actor (or the body it speaks for) is no side in a fight. */
function noSide(actor: Actor): boolean {
  if (actor.kind === 'military' || actor.kind === 'armed_group' || actor.kind === 'state') return false;
  return NO_SIDE_KINDS.has(actor.kind) || NO_SIDE_KINDS.has(employerKind(actor) ?? '');
}

/** "..., the UN said", "according to the United Nations": the actor is the source here. */
const SOURCE_BEFORE = /\baccording to\s+(?:the\s+)?$/i;
const SOURCE_AFTER =
  /^(?:['’]s\s+)?(?:\s*[\p{Ll}-]+){0,3}\s*(?:,\s*)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|told|estimated|estimates|announced|added|confirmed|documented|recorded|warned|condemned|denounced|described|called|stated)\b/iu;

/**
 * "in Syria", "across northern Syria", "into Turkey": a state's name right after a preposition
 * of place is where something happened, not a side in it. ("of" is left out: "the government
 * of Syria" is the state acting.)
 */
const AS_PLACE =
  /\b(?:in|inside|across|throughout|into|to|from|within|near|outside|off)\s+(?:(?:the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$/i;
/**
 * "KYIV, Ukraine (AP) —", "EL OBEID, Sudan", "in Goma, Congo": a state's name after a place and a
 * comma is that place's country. The place is a dateline's capitals or follows a preposition of
 * place ("Separately, U.S. forces" is no place).
 */
const AFTER_PLACE =
  /(?:(?:^|\s)\p{Lu}[\p{Lu}'’.-]+(?:[\s-]+\p{Lu}[\p{Lu}'’.-]+){0,3}|\b(?:in|near|at|outside|from|of)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*),\s*$/u;
/** "Yemen's Houthi rebels", "Sudan's RSF": the state named as another actor's country */
const OWNER_OF_NEXT = /^['’]s\s+$/;

/** A state named by its country or capital ("Syria", "Moscow"), not by its government or regime. */
function namesPlace(actor: Actor, match: ActorMatch): boolean {
  return actor.kind === 'state' && !/\b(?:government|regime)\b/i.test(match.text);
}

/**
 * "air strikes by Russian warplanes", "an attack claimed by the Islamic State group", "hit by the
 * US-led coalition": after the trigger, the actor right after "by" is the one acting. Before
 * this rule FA-KES had 93 target roles with the actor named right after "by".
 */
const BY_AGENT =
  /\bby\s+(?:the\s+)?(?:(?:paramilitary|militant|jihadist|rebel|armed|rival|allied|so-called|notorious|feared|Islamist|separatist|insurgent)\s+){0,2}$/i;
/**
 * "a district held by the army", "Ramussa, seized by rebels earlier this month", "tankers used by
 * ISIS", "a truce brokered by Moscow": "by" after these says who holds or arranged something,
 * not who carried out the attack (in a hand-read FA-KES sample these were the rule's errors).
 */
const NOT_AGENT =
  /\b(?:held|controlled|seized|captured|taken|retaken|recaptured|occupied|besieged|encircled|surrounded|used|run|owned|operated|managed|guarded|defended|dominated|brokered|mediated|negotiated|sponsored|announced|reported|released|published|issued|announcement|statement|report|call|decision|pledge|proposal|request|plan|offer)\s+(?:\S+\s+){0,2}by\s+(?:the\s+)?$/i;
/** "by Syrian government and Russian warplanes": the agents' list goes on through "and" or a comma. */
const AGENT_LIST = /^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+)?$/i;

const ASSOCIATE_AFTER = /^-(?:linked|affiliated|allied|aligned|inspired|backed|supported|sponsored)\b/i;
/**
 * "Israeli strikes on the Houthi-held port of Hodeidah killed six": who holds the place struck is
 * at most the side struck, never the one striking
 */
const HOLDER_AFTER = /^-(?:held|controlled|run|occupied|dominated|administered)\b/i;

/**
 * Whose speakers take part by speaking: diplomacy's kinds (a meeting, a call, a vote, a statement,
 * a ceasefire, a protest — the taxonomy's family) and a humanitarian pause, which is declared.
 */
const speakersTakePart = (kind: Event['kind']) =>
  eventKindInfo(kind).family === 'diplomacy' || kind === 'humanitarian_pause';

function participants(
  matches: readonly ActorMatch[],
  masked: string,
  at: number,
  kind: Event['kind'],
): Participant[] {
  const violent = isViolence(kind);
  const seen = new Set<string>();
  const out: Participant[] = [];
  let agentEnd = -1; // where the last "by <actor>" ended, for a list of agents
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const actor = actorById(m.id);
    // a name inside a quotation is someone speaking of them, not taking part
    if (!actor || reports(actor) || masked.slice(m.start, m.end) !== m.text) continue;
    // "Iranian-backed militias", "the al Qaeda-linked JNIM": a backer or a parent organisation is
    // not a side of the fight (ACLED lists it as an associate at most). "Backed by Russian
    // warplanes", "backed by Moscow, which stepped up its air strikes" are left as they are: the
    // backer there often fights
    if (m.text.endsWith('-backed')) continue;
    if (ASSOCIATE_AFTER.test(masked.slice(m.end, m.end + 14))) continue;
    if (
      namesPlace(actor, m) &&
      (AS_PLACE.test(masked.slice(Math.max(0, m.start - 40), m.start)) ||
        BORDER_WITH.test(masked.slice(Math.max(0, m.start - 40), m.start)) ||
        AFTER_PLACE.test(masked.slice(Math.max(0, m.start - 40), m.start)) ||
        matches.some((o) => o.start > m.end && OWNER_OF_NEXT.test(masked.slice(m.end, o.start))))
    )
      continue;
    const agent =
      violent &&
      m.start >= at &&
      ((BY_AGENT.test(masked.slice(Math.max(0, m.start - 40), m.start)) &&
        !NOT_AGENT.test(masked.slice(Math.max(0, m.start - 60), m.start))) ||
        (agentEnd >= 0 && AGENT_LIST.test(masked.slice(agentEnd, m.start))));
    if (agent) agentEnd = m.end;
    if (seen.has(actor.id)) continue;
    let role: Participant['role'] = violent
      ? m.start < at || agent
        ? 'perpetrator'
        : 'target'
      : 'participant';
    // "according to Ukraine's Air Force", "Putin on Friday denounced ...", "Russian authorities said":
    // whoever the sentence quotes is its source here, not a side (it may be one; these words do not say)
    const source =
      SOURCE_BEFORE.test(masked.slice(Math.max(0, m.start - 20), m.start)) ||
      SOURCE_AFTER.test(masked.slice(m.end, m.end + 40));
    // ("the UN human rights office said" of the displaced is the source of the figure too; only a
    // meeting's or a vote's speakers take part in it by speaking)
    if (source && (violent || !speakersTakePart(kind))) continue;
    if (violent && role === 'perpetrator' && !agent && HOLDER_AFTER.test(masked.slice(m.end, m.end + 14)))
      role = 'target';
    if (violent && noSide(actor)) {
      // never the side that struck; hit only when named as the target
      if (role === 'perpetrator') continue;
      role = 'target';
    }
    seen.add(actor.id);
    out.push({ actor: { id: actor.id, name: actor.name }, role });
  }
  // "fighting between ELN guerrillas and FARC dissidents": the first side named is actor 1, as ACLED
  // codes a clash (also when the other is a side Sitrep does not name: "the Arakan Army and the military")
  const first = out[0];
  if (kind === 'armed_clash' && first && out.every((p) => p.role === 'target')) {
    const firstMatch = matches.find((m) => m.id === first.actor.id);
    if (
      firstMatch &&
      /\bbetween\s+(?:the\s+)?$/i.test(masked.slice(Math.max(0, firstMatch.start - 14), firstMatch.start))
    )
      first.role = 'perpetrator';
  }
  return out;
}

/**
 * "In Iraq the group is fighting for survival ...", then "Syrian government forces dropped ...":
 * a sentence whose states' forces all belong to another country than the place before it is not
 * about that place.
 */
function sidesElsewhere(actors: readonly ActorMatch[], location: EventLocation): boolean {
  const country = placeById(location.placeId ?? '')?.country ?? null;
  if (country === null) return false;
  const states = actors.flatMap((m) => {
    const actor = actorById(m.id);
    return actor && (actor.kind === 'state' || actor.kind === 'military') && actor.country
      ? [actor.country]
      : [];
  });
  return states.length > 0 && !states.includes(country);
}

/** "police killed four", "gunmen shot dead six": a side that kills, with no word for its means */
const SIDE_KILLED =
  /\b\p{L}+\s+(?:killed|shot dead|shot and killed|wounded|injured)\s+(?:at least\s+|more than\s+|about\s+|some\s+)?(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b/iu;

/**
 * Where a sentence may go on to a second incident: "; ", ", while", ", and", ", but" (a bare "and"
 * joins too much: "bombardment and air strikes", "in the south and northeast").
 */
const CLAUSE_BREAK = /\s*;\s*|,?\s+(?:while|whereas)\s+|,\s+(?:and|but)\s+/gi;

/**
 * "Air strikes on Nyala killed 15, while RSF shelling of El Obeid killed eight": two incidents,
 * each with its own toll, told in one sentence. The sentence is cut where each side names
 * violence (`named`) and has a toll of its own; a side with violence and no toll ("... and
 * wounded 20") or a toll and no violence ("while rescuers put the toll at 35") stays with the
 * clause before it. Null when the sentence tells one incident.
 */
function tollClauses(
  text: string,
  qs: readonly SentenceQuantity[],
  named: (c: Clause) => boolean,
): Clause[] | null {
  const tolls = (c: Clause) =>
    new Set(
      qs
        .filter(
          (q) =>
            CASUALTY.includes(q.measure) &&
            !q.cumulative &&
            q.partOf === null &&
            q.value.best > 0 &&
            // ("just days after dozens of aid workers were killed": a word for many is no toll of its own)
            q.qualifier !== 'vague' &&
            q.start >= c.from &&
            q.end <= c.to,
        )
        .map((q) => `${q.measure} ${q.value.best}`),
    );
  const measures = (tolls: Set<string>) => new Set([...tolls].map((t) => t.split(' ')[0]));
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    strong: m[0].includes(';'),
  }));
  const clauses: Clause[] = [];
  let from = 0;
  breaks.forEach((b, k) => {
    const left = { from, to: b.start };
    const right = { from: b.end, to: breaks[k + 1]?.start ?? text.length };
    const [mine, theirs] = [tolls(left), tolls(right)];
    // ("40 were killed and 120 wounded when rockets struck": the wounded of the same incident;
    // only a semicolon parts a death toll from a count of wounded)
    // (the same figures again are the same toll told twice: a headline run into its story)
    const same = mine.size === theirs.size && [...mine].every((t) => theirs.has(t));
    const another =
      !same &&
      (b.strong
        ? mine.size > 0 && theirs.size > 0
        : [...measures(theirs)].some((m) => measures(mine).has(m)));
    if (another && named(left) && named(right)) {
      clauses.push(left);
      from = b.end;
    }
  });
  if (clauses.length === 0) return null;
  clauses.push({ from, to: text.length });
  return clauses;
}

/**
 * "near Babanusa", "outside Djibasso", "in the town of Masisi": a capitalised name the sentence
 * says is where, as a reference point or with the word for what it is ("in X" alone is too often
 * no place: "in Sundays shelling", "in Kurdish-dominated areas")
 */
const NAMED_WHERE =
  /\b(?:near|outside|close to|on the outskirts of|(?:town|village|city|district) of)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?!['’]?s\s+\p{Ll})/gu;
/** capitalised words that name no place: a month, a day, a season of the year */
const NOT_WHERE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Ramadan|Christmas|Easter|Eid)\b/;

/**
 * Whether the sentence says the incident was at a place none of its known places covers ("attacked
 * a market near Babanusa", a town the gazetteer lacks): the place before it or the dateline's city
 * is then not where, only the country the article is about.
 */
function namesUnknownPlace(
  text: string,
  known: readonly LocalPlace[],
  actors: readonly ActorMatch[],
): string | null {
  NAMED_WHERE.lastIndex = 0;
  for (let m = NAMED_WHERE.exec(text); m !== null; m = NAMED_WHERE.exec(text)) {
    const name = m[1] as string;
    const at = m.index + m[0].length - name.length;
    if (NOT_WHERE.test(name)) continue;
    // "close to Turkeys border": a possessive with its apostrophe lost names an owner
    if (
      /s$/.test(name) &&
      /^\s+(?!(?:on|in|at|and|after|before|when|where|while|as)\b)\p{Ll}/u.test(text.slice(at + name.length))
    )
      continue;
    const covered = (s: { start: number; end: number }) => s.start < at + name.length && at < s.end;
    if (known.some(covered) || actors.some(covered)) continue;
    return name;
  }
  return null;
}

/**
 * "the district of Sevre in the northwestern province of Idlib": where the article says the
 * place it names lies, at any mention of its name — the known place right after it.
 */
function saidToLieIn(name: string, input: EventInput): EventLocation | null {
  for (const [sj, sentence] of input.sentences.entries()) {
    for (let at = sentence.text.indexOf(name); at >= 0; at = sentence.text.indexOf(name, at + 1)) {
      const end = at + name.length;
      const next = (input.places[sj] ?? []).find(
        (p) =>
          p.start >= end &&
          p.place.kind !== 'country' &&
          /^,?\s+(?:in|near|outside|of)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:(?:province|region|state|district|governorate)\s+of\s+)?$|^,\s*$/u.test(
            sentence.text.slice(end, p.start),
          ),
      );
      if (next) return locationOf(next.place, true);
    }
  }
  return null;
}

/** The province a place lies in (itself when it is one), or null for a country or a place in none. */
function provinceOf(l: EventLocation): EventLocation | null {
  const place = placeById(l.placeId ?? '');
  if (!place || place.kind === 'country') return null;
  if (place.kind === 'governorate' || place.kind === 'region') return l;
  const province = governorateOf(place.id);
  return province ? locationOf(province) : null;
}

/** "Separately, ...", "Elsewhere, ...", "In another attack, ...": the sentence opens another story */
const NEW_STORY =
  /^\W*(?:separately|elsewhere|in (?:a |an )?(?:separate|another|other) (?:incident|attack|development|news)|in other news)\b/i;

let countryPlaces: Map<string, Place> | null = null;
/** The country's own place (a curated one where the overlay has it). */
function countryPlace(code: string): Place | null {
  countryPlaces ??= new Map(
    gazetteerPlaces()
      .filter((p) => p.kind === 'country' && p.country)
      .map((p) => [p.country as string, p]),
  );
  return countryPlaces.get(code) ?? placeById(`place:${code.toLowerCase()}`);
}

/** Typed events sentence by sentence, each with its date, place, casualties and evidence. */
export function findEvents(input: EventInput): Event[] {
  const { articleId, sentences } = input;
  const events: Event[] = [];
  // the place of the last violent event, for the very next sentence only ("... was dropped on the city")
  let lastViolencePlace: { paragraph: number; sentence: number; location: EventLocation } | null = null;
  const sentenceOf: number[] = [];
  // violent events whose sentence names no place: the next sentence may say where (below)
  const unplaced = new Set<number>();
  // events whose place the words around them may give when their sentence does not
  const placeable: boolean[] = [];
  // events that only tell an incident again: a toll with no trigger and no place of its own, or a
  // toll of a violent incident named with "the" ("60 others were injured in the blast")
  const tolledOnly: boolean[] = [];
  // events made of a toll alone, with no trigger naming their means
  const byToll: boolean[] = [];
  // events that name no incident of their own: a toll alone, or an incident named with "the"
  const namesNoIncident: boolean[] = [];
  // where each event's trigger ends in its sentence
  const triggerAt: number[] = [];
  const triggerEnd: number[] = [];
  // sentences whose only toll is none ("no casualties"), for the incident told before them
  const zeroTolls: { si: number; figures: SentenceQuantity[] }[] = [];
  sentences.forEach((sentence, si) => {
    const text = input.masked[si] ?? sentence.text;
    const qs = input.quantities[si] ?? [];

    // "killed in the fighting so far this year": a trigger inside a total's clause names the war, not an incident
    // (a toll over the last few days — "since Thursday" — totals one episode of fighting: the
    // episode is an event, its toll stays a total)
    const totalClauses = qs
      .filter((q) => q.cumulative && CASUALTY.includes(q.measure))
      .map((q) => clauseOf(text, q.start, q.end))
      .filter((c) => !RECENT_DAYS.test(text.slice(c.from, c.to)));
    // "Since April 2023, 12 million people have been displaced": a flight counted over a period is
    // a total with its period (the claim keeps it), not one displacement (a few days up to the
    // report — "displaced 32,000 since Thursday" — is one episode's and stays)
    const flows = qs.filter((q) => FLOW.includes(q.measure));
    const flowTotalsOnly =
      flows.length > 0 &&
      flows.every((q) => {
        if (!q.cumulative) return false;
        const c = clauseOf(text, q.start, q.end);
        return !RECENT_DAYS.test(text.slice(c.from, c.to));
      });
    const hits: { trigger: Trigger; at: number; end: number }[] = [];
    const firsts = firstTriggerMatches(text);
    for (let k = 0; k < TRIGGERS.length; k++) {
      const trigger = TRIGGERS[k] as Trigger;
      const m = firsts[k];
      if (!m) continue;
      if (trigger.needs && !qs.some((q) => trigger.needs?.includes(q.measure))) continue;
      if (FLOW_KINDS.has(trigger.kind) && flowTotalsOnly) continue;
      if (NOT_HAPPENING.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
      if (isViolence(trigger.kind) && FLED_FROM.test(text.slice(Math.max(0, m.index - 40), m.index)))
        continue;
      // (a capture is no name for a war: "captured the airport after days of fighting that killed 700")
      if (
        isViolence(trigger.kind) &&
        trigger.kind !== 'territorial_change' &&
        totalClauses.some((c) => m.index >= c.from && m.index < c.to) &&
        !qs.some((q) => !q.cumulative && CASUALTY.includes(q.measure) && q.start >= 0)
      )
        continue;
      if (
        isViolence(trigger.kind) &&
        !qs.some((q) => !q.cumulative && CASUALTY.includes(q.measure)) &&
        campaign(text, m)
      )
        continue;
      // "The military says it is fighting terrorists", "Al Shabaab has been fighting for more than 15
      // years to topple the government": fighting as a verb of what a side does over time names the
      // war, not a clash — unless the sentence gives it a day, a toll or a battle under way
      if (
        trigger.kind === 'armed_clash' &&
        /^fighting$/i.test(m[0]) &&
        ONGOING.test(text.slice(Math.max(0, m.index - 30), m.index)) &&
        // ("troops are fighting on two fronts in a new offensive", "are fighting in the mountains of
        // Kurdistan": a battle under way, or somewhere named)
        !/\b(?:offensive|assault|battle|fronts?|front line|frontline)\b/i.test(text) &&
        !FOUGHT_WHERE.test(text.slice(m.index)) &&
        !qs.some((q) => CASUALTY.includes(q.measure)) &&
        !input.datesOf(si).some((d) => !d.statement && d.mention.precision === 'day')
      )
        continue;
      // "The Houthis have fired over 100 drones and missiles at ships", "have regularly launched
      // rockets into the city": a wave told in the perfect, with no day, no toll and not over the
      // last few days, is a campaign's tally, not one wave
      if (
        LAUNCHED.test(m[0]) &&
        !RECENT_DAYS.test(text) &&
        !qs.some((q) => CASUALTY.includes(q.measure)) &&
        // ("Russia had fired more than 1,800 drones at Ukraine this month alone": a period of its own)
        (totalPhrase(text, m.index, m.index + m[0].length) !== null ||
          (HAVE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) &&
            !input.datesOf(si).some((d) => !d.statement && d.mention.precision === 'day')))
      )
        continue;
      hits.push({ trigger, at: m.index, end: m.index + m[0].length });
    }
    meansOfAttack(text, hits);
    onePhraseOneIncident(text, hits);
    // "2,000 Iraqi troops had been killed, wounded or captured": a toll of mixed fates that names
    // deaths is violence too ("71 casualties" alone may be a toll told again: seed 003)
    const mixed = MIXED_FATES.test(sentence.text);
    const hasCasualties = qs.some(
      (q) =>
        (q.measure === 'killed' || q.measure === 'injured' || (mixed && q.measure === 'casualties')) &&
        !q.cumulative &&
        q.value.best > 0,
    );
    // the means that names the attack most closely owns its toll: "fired shells filled with toxic gas" is a chemical attack
    const violentHits = hits.filter((h) => isViolence(h.trigger.kind)).sort((a, b) => a.at - b.at);
    // "19 people were killed near the capital ... hours after a chemical attack left dozens dead in
    // Khan Sheikhun": an incident told after the toll as what came before is another event, and
    // does not own the toll
    const firstToll = qs.find((q) => CASUALTY.includes(q.measure) && !q.cumulative);
    const earlierIncident = (h: { at: number }) =>
      firstToll !== undefined &&
      h.at > firstToll.end &&
      EARLIER_INCIDENT.test(text.slice(firstToll.end, h.at));
    // "48 people were killed in a village when regime troops entered": troops entering after the
    // toll say when the killing happened, not what it was (a capture still owns its toll: "killed
    // 270 when they captured the field", "captured the town, killing 20")
    const owning = violentHits.filter(
      (h) =>
        !earlierIncident(h) &&
        !(firstToll !== undefined && h.at > firstToll.end && ENTERED.test(text.slice(h.at, h.end))),
    );
    // "... in response to a Houthi drone attack on Tel Aviv that killed one man": the incident the
    // toll's relative clause hangs on owns it, not the one the sentence opens with
    const relativeOwner =
      firstToll === undefined
        ? undefined
        : owning.findLast(
            (h) => h.end <= firstToll.start && TOLL_OF_RELATIVE.test(text.slice(h.end, firstToll.start)),
          );
    // two incidents told side by side, each with its toll: each owns the figures, places, actors
    // and dates of its own clause. A clause names its violence by a trigger the sentence has, or
    // by the same kind named again ("Russian strikes killed three in Kharkiv, while strikes on
    // Sumy killed two")
    const again = (c: Clause) => {
      const slice = text.slice(c.from, c.to);
      const matches = firstTriggerMatches(slice);
      return owning.flatMap((h) => {
        const m = matches[TRIGGERS.indexOf(h.trigger)];
        return m && !inClause(c, h.at)
          ? [{ trigger: h.trigger, at: c.from + m.index, end: c.from + m.index + m[0].length }]
          : [];
      });
    };
    // ("Gang members killed nine people in Cite Soleil, and police killed four gang members in
    // Croix-des-Bouquets": a side that kills names the violence too, with no word for its means)
    const clauses = ACCIDENT.test(sentence.text)
      ? null
      : tollClauses(
          text,
          qs,
          (c) =>
            owning.some((h) => inClause(c, h.at)) ||
            again(c).length > 0 ||
            SIDE_KILLED.test(text.slice(c.from, c.to)),
        );
    const clauseOwners = new Set<{ at: number }>();
    if (clauses)
      for (const c of clauses) {
        let mine = owning.filter((h) => inClause(c, h.at));
        if (mine.length === 0) {
          const more = again(c);
          hits.push(...more);
          mine = more;
        }
        const firstHere = qs.find(
          (q) => CASUALTY.includes(q.measure) && !q.cumulative && inClause(c, q.start),
        );
        const relative =
          firstHere === undefined
            ? undefined
            : mine.findLast(
                (h) => h.end <= firstHere.start && TOLL_OF_RELATIVE.test(text.slice(h.end, firstHere.start)),
              );
        let owner = mine.find((h) => h.trigger.kind === 'chemical_attack') ?? relative ?? mine[0];
        if (!owner && firstHere) {
          owner = { trigger: ATTACK, at: firstHere.start, end: firstHere.end };
          hits.push(owner);
        }
        if (owner) clauseOwners.add(owner);
      }
    const tollClause = (at: number) => clauses?.find((c) => inClause(c, at)) ?? EVERYWHERE;
    const casualtyOwner = clauses
      ? [...clauseOwners][0]
      : (owning.find((h) => h.trigger.kind === 'chemical_attack') ?? relativeOwner ?? owning[0]);
    // "Eight people died and 40 were injured when a minibus overturned": no weapon, no attack
    if (hasCasualties && !casualtyOwner && !ACCIDENT.test(sentence.text)) {
      const first = qs.find(
        (q) => (CASUALTY.includes(q.measure) || (mixed && q.measure === 'casualties')) && !q.cumulative,
      ) as SentenceQuantity;
      hits.push({ trigger: ATTACK, at: first.start, end: first.end });
    }
    // "Fire extinguished, no casualties", "There were no casualties, the governor said": a toll of
    // none, with no incident named, is the last incident's (below)
    if (hits.length === 0 && !hasCasualties) {
      const none = qs.filter((q) => CASUALTY.includes(q.measure) && q.value.best === 0 && !q.cumulative);
      if (none.length) zeroTolls.push({ si, figures: none });
    }
    const dates = hits.length ? input.datesOf(si) : [];
    for (const hit of hits) {
      const { trigger } = hit;
      const owner = clauses ? clauseOwners.has(hit) : hit === casualtyOwner || trigger === ATTACK;
      const violent = isViolence(trigger.kind);
      const own = tollClause(hit.at);
      const places = (input.places[si] ?? []).filter((p) => inClause(own, p.start));
      let location = trigger.place
        ? pickPlace(sentence.text, places, hit.at, {
            within: violent && input.countries?.size ? input.countries : null,
            strict: trigger.localOnly,
          })
        : null;
      const ownPlace = location !== null;
      const vague =
        location?.precision === 'country' &&
        input.fallback?.placeId !== undefined &&
        placeById(input.fallback.placeId ?? '')?.country === placeById(location.placeId ?? '')?.country;
      // "the air force said it shot down 27 of 30 Shahed drones launched overnight": a wave over
      // the whole country, told by its air defence — the town of the sentence before is not where
      const intercepted = INTERCEPTED.test(text.slice(Math.max(0, hit.at - 50), hit.at));
      const unknownPlace =
        !location && namesUnknownPlace(sentence.text, input.places[si] ?? [], input.actors[si] ?? []);
      // "Russia launched 87 drones and two missiles at the country overnight", "... at Ukraine": a
      // wave aimed at a whole country is in that country, not in the city the sentence before was
      // about (a place its own sentence names inside the country is more precise and stays)
      const country =
        (!location || location.precision === 'country') && trigger.place
          ? aimedAtCountry(sentence.text, places, own, input)
          : null;
      // ("launched 92 drones and seven missiles at Ukraine overnight, killing four people in the
      // western city of Lviv": a place inside the country said to be where is more precise)
      const inside = country
        ? places.filter(
            (p) =>
              p.place.kind !== 'country' &&
              isWithin(p.place, country) &&
              WHERE_INSIDE.test(sentence.text.slice(Math.max(0, p.start - 50), p.start)),
          )
        : [];
      if (country)
        location =
          (inside.length
            ? pickPlace(sentence.text, inside, hit.at, { within: null, strict: false })
            : null) ?? locationOf(country);
      else if ((!location || vague) && !trigger.localOnly && trigger.place && !intercepted) {
        // "the city", "opposition-held areas": the article's place, never assumed otherwise
        // (an incident told beside another in the sentence is not where the other was)
        const told = clauses ? sentence.text.slice(own.from, own.to) : sentence.text;
        const before =
          lastViolencePlace && !(clauses && lastViolencePlace.sentence === si) ? lastViolencePlace : null;
        // a place named that the gazetteer lacks ("near Hatla town") lies at most in the province of
        // the place told just before, unless the sentence opens another story ("Separately, ...")
        const around = (l: EventLocation) =>
          unknownPlace
            ? NEW_STORY.test(told)
              ? null
              : provinceOf(l) && coarser(provinceOf(l) as EventLocation, 3)
            : l;
        if (
          before?.paragraph === sentence.paragraph &&
          si - before.sentence <= 1 &&
          !sidesElsewhere(input.actors[si] ?? [], before.location)
        )
          location = around(before.location);
        else if (before && si - before.sentence <= 3 && INCIDENT_ANAPHOR.test(told))
          location = around(before.location);
        else if (CITY_ANAPHOR.test(told)) location = (input.fallback && around(input.fallback)) ?? location;
      }
      if (violent && location) lastViolencePlace = { paragraph: sentence.paragraph, sentence: si, location };
      if (violent && !location && trigger.place && !trigger.localOnly) unplaced.add(events.length);
      const span = { start: sentence.toOriginal(hit.at), end: sentence.toOriginal(hit.end) };
      const evidence: Event['evidence'] = [{ articleId, field: 'kind', sentence: sentence.text, span }];
      const casualties = {
        killed: owner ? casualty(qs, 'killed', sentence.text, own) : null,
        injured: owner ? casualty(qs, 'injured', sentence.text, own) : null,
        missing:
          trigger.kind === 'disappearance' || owner ? casualty(qs, 'missing', sentence.text, own) : null,
      };
      // "More than 60 others were injured in the blast, which happened as passengers waited for a
      // train to Peshawar": the blast told before, named again, wherever the sentence's places point
      tolledOnly.push(
        // ("The Sudan Doctors Network said another 40 people were wounded": a country the article is
        // about, inside a name, is no place of the toll's own)
        (trigger === ATTACK && (!ownPlace || vague)) ||
          (violent &&
            owner &&
            DEFINITE_BEFORE.test(text.slice(Math.max(0, hit.at - 12), hit.at)) &&
            (casualties.killed !== null || casualties.injured !== null)),
      );
      for (const q of qs)
        if (owner && CASUALTY.includes(q.measure) && !q.cumulative && inClause(own, q.start))
          evidence.push({
            articleId,
            field: `casualties.${q.measure}`,
            sentence: sentence.text,
            span: { start: sentence.toOriginal(q.start), end: sentence.toOriginal(q.end) },
          });
      // (a clause with a day of its own is dated by it, else by the sentence's)
      const ownDates = dates.filter((d) => inClause(own, d.start));
      const occurred = pickDate(sentence.text, hit.at, hit.end, ownDates.length ? ownDates : dates, trigger);
      const counted = trigger.counts ? countOf(qs, trigger.kind, hit.at, hit.end) : null;
      const claimId = input.claimBySentence[si];
      sentenceOf.push(si);
      byToll.push(trigger === ATTACK);
      triggerAt.push(hit.at);
      triggerEnd.push(hit.end);
      namesNoIncident.push(
        trigger === ATTACK || (violent && DEFINITE_BEFORE.test(text.slice(Math.max(0, hit.at - 12), hit.at))),
      );
      placeable.push(violent && trigger.place && !trigger.localOnly && !intercepted);
      events.push({
        id: stableId('evt', articleId, trigger.kind, span.start, span.end),
        articleId,
        kind: trigger.kind,
        summary: sentence.text,
        occurred,
        location,
        participants: participants(
          (input.actors[si] ?? []).filter((m) => inClause(own, m.start)),
          text,
          hit.at,
          trigger.kind,
        ),
        casualties,
        count: counted,
        vote:
          trigger.kind === 'un_vote'
            ? {
                yes: votes(qs, 'votes_for'),
                no: votes(qs, 'votes_against'),
                abstain: votes(qs, 'abstentions'),
              }
            : null,
        claimIds: claimId ? [claimId] : [],
        evidence,
      });
    }
  });
  // "At least 43 people were killed Saturday in a car bomb attack on buses ...", then "... guarding
  // the buses at a transit point in Rashidin west of Aleppo": a sentence that reports no event of
  // its own, right after, in the same paragraph, says where the unplaced, dated one was
  for (const i of unplaced) {
    // only an incident its sentence dates ("killed Saturday in a car bomb attack"), or one the next
    // sentence names again: an undated line ("Thousands more civilians killed.", a timeline's) is
    // no incident to place
    const when = (events[i] as Event).occurred;
    const si = sentenceOf[i] as number;
    const next = sentences[si + 1];
    if (!next) continue;
    // "The offensive is in the Haj Omran area": a next sentence that names the incident again says
    // where it was, undated or in another paragraph, even when it tells something of its own; so
    // does the one after it in the paragraph when the one between reports no event ("86 killed.
    // Many were children. The attack did not stop at Dalori village")
    const namesIt = (s: Sentence) => GOES_ON.test(s.text) && !/^\W*(?:it|they|he|she)\b/i.test(s.text);
    const after = sentences[si + 2];
    const undated = when.start === null && when.text === null;
    const tellers = [
      namesIt(next) ||
      (!undated && next.paragraph === sentences[si]?.paragraph && !sentenceOf.includes(si + 1))
        ? next
        : null,
      after &&
      after.paragraph === sentences[si]?.paragraph &&
      next.paragraph === after.paragraph &&
      !sentenceOf.includes(si + 1) &&
      namesIt(after)
        ? after
        : null,
    ];
    let location: EventLocation | null = null;
    for (const teller of tellers) {
      if (!teller || location) continue;
      const sj = sentences.indexOf(teller);
      const cuedPlaces = (input.places[sj] ?? []).filter((p) =>
        CUED_BEFORE.test(teller.text.slice(Math.max(0, p.start - 40), p.start)),
      );
      if (cuedPlaces.length === 0) continue;
      location = pickPlace(teller.text, cuedPlaces, 0, {
        within: input.countries?.size ? input.countries : null,
        strict: false,
      });
    }
    if (location && location.precision !== 'country' && location.precision !== 'region')
      (events[i] as Event).location = location;
  }
  datedFromEarlier(input, events, sentenceOf);
  meansOfStrikes(input, events, sentenceOf, byToll);
  for (const zero of zeroTolls) noneHurt(input, events, sentenceOf, zero);
  const told = toldAgain(input, events, sentenceOf, tolledOnly);
  for (const i of attackersOfIncident(input, events, sentenceOf, namesNoIncident, triggerAt, triggerEnd))
    told.add(i);
  placeFromContext(input, events, sentenceOf, placeable);
  // "Kerry will meet Saturday with ...", then "the meeting in Lausanne": one meeting, placed by the next mention
  events.forEach((e, i) => {
    if (e.kind !== 'diplomatic_meeting' || e.location) return;
    const next = events.find(
      (f, j) => j > i && f.kind === e.kind && f.location && (sentenceOf[j] ?? 0) - (sentenceOf[i] ?? 0) <= 2,
    );
    if (next) e.location = next.location;
  });
  return told.size ? events.filter((_e, i) => !told.has(i)) : events;
}

/** "a day", "two days": the number words a count back is written with (`UNITS`, and "a"/"an" for one) */
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, ...UNITS };
/**
 * "Two days earlier, militants had ambushed ...", "The day before, troops had shelled ...", "a
 * week earlier": a day counted back from the incident the story is telling, not from the
 * report's day. (Only where the phrase stands alone: "two days before the election" is counted
 * from something else.)
 */
const COUNTED_BACK =
  /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week)s?\s+(?:earlier|before)|the\s+(?:previous\s+day|day\s+before))(?=\s*[,.;]|\s*$)/i;

/**
 * An event whose sentence dates it only by counting back ("Two days earlier, ...") is dated from
 * the last incident told before it with a day of its own; with none, it has no date, and says why.
 */
function datedFromEarlier(input: EventInput, events: Event[], sentenceOf: readonly number[]): void {
  events.forEach((e, i) => {
    const si = sentenceOf[i] as number;
    const text = (input.sentences[si] as Sentence).text;
    const m = COUNTED_BACK.exec(text);
    if (!m) return;
    // a day of its own in the sentence before the phrase is what it counts from ("on Monday ... the day before")
    const own = input
      .datesOf(si)
      .some(
        (d) => !d.statement && d.end <= m.index && d.mention.start !== null && d.mention.precision === 'day',
      );
    if (own) return;
    const n = m[1] ? (COUNT_WORDS[m[1].toLowerCase()] ?? Number(m[1])) : 1;
    const days = m[2]?.toLowerCase() === 'week' ? 7 * n : n;
    const from = events.findLast(
      (f, j) =>
        (sentenceOf[j] as number) < si &&
        f.occurred.start !== null &&
        f.occurred.precision === 'day' &&
        f.occurred.start === f.occurred.end,
    );
    const day = from?.occurred.start ? addDays(from.occurred.start, -days) : null;
    // "a week earlier" is a day within a few of that one
    const week = m[2]?.toLowerCase() === 'week';
    e.occurred = {
      start: day && week ? addDays(day, -3) : day,
      end: day && week ? addDays(day, 3) : day,
      precision: day ? (week ? 'week' : 'day') : 'unknown',
      tense: 'past',
      text: m[0],
      reason: day
        ? `counted back from ${from?.occurred.start}, the day of the incident told before it`
        : `"${m[0]}" counts back from an incident the text does not date`,
    };
  });
}

/** "no casualties among the troops", "none on our side": none of one side, not of the incident's */
const ONE_SIDE_ONLY =
  /^\s*(?:among|on (?:the|our|their|its) [\w-]+ side|in (?:the|our|their|its) ranks|of (?:our|its|their)|for (?:our|its|their)|on (?:our|their) side)\b/i;
/** "the incident", "the attack": a sentence that names the incident told before */
const NAMES_INCIDENT = new RegExp(`${INCIDENT_ANAPHOR.source}|\\b(?:the|that|this) incident\\b`, 'i');

/**
 * "Ukrainian drones attacked the Belgorod region overnight. The governor said there were no
 * casualties": a toll of none told after an incident, in a sentence that names no incident of
 * its own, is that incident's killed and injured 0 — for a measure the incident has no figure of
 * (a toll it has is not undone by a side's "none on our side", which is left alone). The incident
 * is the last violent one told, at most three sentences before, or six when the sentences between
 * name it again ("It said the incident took place ...").
 */
function noneHurt(
  input: EventInput,
  events: Event[],
  sentenceOf: readonly number[],
  zero: { si: number; figures: readonly SentenceQuantity[] },
): void {
  const { si } = zero;
  const j = events.findLastIndex((e, k) => isViolence(e.kind) && (sentenceOf[k] as number) < si);
  const incident = events[j];
  if (!incident) return;
  const from = sentenceOf[j] as number;
  const named = input.sentences.slice(from + 1, si + 1).some((s) => NAMES_INCIDENT.test(s.text));
  if (si - from > (named ? 6 : 3)) return;
  const sentence = input.sentences[si] as Sentence;
  for (const q of zero.figures) {
    const m = q.measure as (typeof MEASURES)[number];
    // ("None of the embassy staff were injured" is a group's none too)
    if (
      incident.casualties[m] ||
      /^\W*none of\b/i.test(q.text) ||
      ONE_SIDE_ONLY.test(sentence.text.slice(q.end))
    )
      continue;
    incident.casualties[m] = {
      best: 0,
      low: null,
      high: null,
      qualifier: 'exact',
      group: q.group,
      breakdown: {},
    };
    incident.evidence.push({
      articleId: input.articleId,
      field: `casualties.${m}`,
      sentence: sentence.text,
      span: { start: sentence.toOriginal(q.start), end: sentence.toOriginal(q.end) },
    });
  }
}

/** The means of remote violence `text` names: one kind per family named. */
function meansNamed(text: string): Set<Event['kind']> {
  return new Set(STRIKE_MEANS.filter((m) => m.pattern.test(text)).map((m) => m.kind));
}

/**
 * "Russian strikes on Kharkiv killed five": a toll of bare strikes is remote violence whose means
 * the words nearest it may name — its sentence, then one and two sentences either side, then the
 * article. The first of these that names any means decides, and only when it names one family
 * (drones and missiles together leave it an attack, means not reported).
 */
function meansOfStrikes(
  input: EventInput,
  events: Event[],
  sentenceOf: readonly number[],
  byToll: readonly boolean[],
): void {
  const { sentences } = input;
  let article: Set<Event['kind']> | null = null;
  events.forEach((e, i) => {
    const si = sentenceOf[i] as number;
    const text = input.masked[si] ?? '';
    if (!byToll[i] || e.kind !== 'attack' || !STRIKE.test(text) || OTHER_INCIDENT.test(text)) return;
    for (let reach = 0; reach <= 2; reach++) {
      const window = sentences
        .slice(Math.max(0, si - reach), si + reach + 1)
        .map((s) => s.text)
        .join(' ');
      const named = meansNamed(window);
      if (named.size === 0) continue;
      if (named.size === 1) e.kind = [...named][0] as Event['kind'];
      return;
    }
    article ??= meansNamed(sentences.map((s) => s.text).join(' '));
    if (article.size === 1) e.kind = [...article][0] as Event['kind'];
  });
}

/** "Thousands more", "dozens more": a word for more of them, added to a count ("also", "another" may name a source's own toll) */
const WORD_MORE = /\b(?:thousands|hundreds|dozens|scores|tens|many|several)\s+more\b/i;
const STILL = /\b(?:still|remain(?:s|ed|ing)?)\b/i;
/** "in the blast", "that attack": the trigger names an incident already told */
const DEFINITE_BEFORE = /\b(?:the|that|this)\s+$/i;
/** Whether `inner` is a finer place inside the country, region or province `outer`. */
function finerWithin(inner: EventLocation, outer: EventLocation): boolean {
  if (!['country', 'region', 'governorate'].includes(outer.precision) || inner.precision === outer.precision)
    return false;
  const [a, b] = [placeById(inner.placeId ?? ''), placeById(outer.placeId ?? '')];
  return Boolean(a && b && isWithin(a, b));
}

/** "during the fighting", "in the attack": the incident told before, named again */
const NAMED_AGAIN = new RegExp(
  `\\b(?:during|in|amid|from|by)\\s+(?:the|that|this)\\s+(?:fighting|clashes|battles?|attacks|strikes|air ?strikes?|offensive|${INCIDENT_WORDS})\\b`,
  'i',
);
/** "The death toll later rose to 35": the incident's toll, updated */
const TOLL_UPDATE =
  /\b(?:death toll|toll|number of (?:the )?(?:dead|killed|wounded|injured))\b[^.;]{0,40}?\b(?:rose|has risen|had risen|climbed|increased|jumped|reached|now stands|stood)\b/i;
/** "another 47", "five more": figures added to a toll of the same measure, not that toll told again */
const ADDED = /\b(?:another|more|further|other|additional|also)\b/i;
const MEASURES = ['killed', 'injured', 'missing'] as const;
/** "three of the dead", "among those killed": some of a toll already told */
const PART_OF_TOLL =
  /\b(?:of|among) (?:the|those) (?:dead|killed|victims|wounded|injured|casualties|fatalities)\b/gi;

/**
 * Whether a figure of the sentence counts some of a toll told before: "three of the dead were
 * its members", "Among the dead were 22 children" — the words right beside the figure (a toll
 * that only adds "children were among the dead" is a toll of its own).
 */
function partOfToll(quantities: readonly SentenceQuantity[], text: string): boolean {
  // the toll's own figures (a list summed: "Twelve children and 11 fighters"), not its subgroups
  const figures = quantities.filter(
    (q) => CASUALTY.includes(q.measure) && !q.cumulative && q.partOf === null,
  );
  const [first, last] = [figures[0], figures.at(-1)];
  // (one list of them: "put the toll at 58, saying 11 children were among the dead" is a toll)
  if (!first || !last || figures.some((q) => q !== first && q.sumWith === null)) return false;
  PART_OF_TOLL.lastIndex = 0;
  for (let m = PART_OF_TOLL.exec(text); m !== null; m = PART_OF_TOLL.exec(text)) {
    const after = m.index + m[0].length;
    // ("three of the dead" may be the figure's own words)
    if (figures.some((q) => q.start <= m.index && m.index < q.end)) return true;
    if (last.end <= m.index && /^[^\d,;]{0,25}$/.test(text.slice(last.end, m.index))) return true;
    if (first.start >= after && /^[^\d,;]{0,12}$/.test(text.slice(after, first.start))) return true;
  }
  return false;
}

/**
 * A toll told again: a sentence with no trigger, place or date of its own that gives figures
 * right after an incident ("Sixteen people were seriously wounded, the UN said"; "Police
 * confirmed the attack but said 12 people were killed") speaks of that incident, not of a new
 * attack at the dateline. Its figures join the incident's: a measure the incident lacks is
 * taken; the same measure, when the sentence names the incident, is a competing toll (the range
 * widens, the first figure stays best).
 * The incident must be the last violent one told, at most three sentences before (or six when
 * the sentence names it: "the attack"); figures said to be added to a measure the incident has
 * ("another 47 were killed") are left alone.
 * A timeline's "Thousands more civilians killed." (a word for more dead, nothing to join) is
 * dropped. Returns the indices of the events folded away or dropped.
 */
function toldAgain(
  input: EventInput,
  events: Event[],
  sentenceOf: readonly number[],
  tolledOnly: readonly boolean[],
): Set<number> {
  const folded = new Set<number>();
  events.forEach((e, i) => {
    // a toll alone must have no day of its own; an incident named again ("in the blast") may
    // have the incident's day ("on Saturday morning")
    const si = sentenceOf[i] as number;
    const text = (input.sentences[si] as Sentence).text;
    // ("Later on Saturday, the death toll rose to 32": an update's day is when it was told)
    if (
      !tolledOnly[i] ||
      (e.kind === 'attack' &&
        (e.occurred.start !== null || e.occurred.text !== null) &&
        !TOLL_UPDATE.test(text))
    )
      return;
    if (!foldInto(e, i, text, si)) {
      // "Thousands more civilians killed.", a timeline's line: only a word for more dead, with no
      // incident to join, no place and no day, adds to a count nobody gave — no incident at all
      const vagueOnly = MEASURES.every((m) => !e.casualties[m] || e.casualties[m]?.qualifier === 'vague');
      // (one whose side acts — "soldiers launched a counter-offensive, killing 29" — is an incident)
      const noSideActs = e.participants.every((p) => p.role !== 'perpetrator');
      if ((vagueOnly && WORD_MORE.test(text)) || (noSideActs && goesOnWithTotal(si))) folded.add(i);
    }
  });
  return folded;

  /**
   * "Israeli air strikes across Lebanon killed 558 on Monday, the deadliest day ...", then "The
   * minister said 1,835 people were wounded": a toll alone, with no incident to join, right after
   * a total (no incident told between) is more of that total, not an attack of its own.
   */
  function goesOnWithTotal(si: number): boolean {
    for (let sj = si - 1; sj >= Math.max(0, si - 2); sj--) {
      if ((input.quantities[sj] ?? []).some((q) => q.cumulative && CASUALTY.includes(q.measure))) return true;
      if (sentenceOf.includes(sj)) return false;
    }
    return false;
  }

  function foldInto(e: Event, i: number, text: string, si: number): boolean {
    const update = TOLL_UPDATE.test(text);
    const reach = update || INCIDENT_ANAPHOR.test(text) ? 6 : 3;
    const earlier = events
      .map((_f, j) => j)
      .filter(
        (j) =>
          j < i &&
          !folded.has(j) &&
          isViolence((events[j] as Event).kind) &&
          (sentenceOf[j] as number) < si &&
          si - (sentenceOf[j] as number) <= reach,
      );
    // the same figure told again is that incident's ("Four people were killed in the attack",
    // after a bombing that killed four and an execution of 48 told between); else the last one
    const same = earlier.filter((j) =>
      MEASURES.some((m) => {
        const [a, b] = [e.casualties[m], (events[j] as Event).casualties[m]];
        return a && b && a.best === b.best;
      }),
    );
    // ("Two police officers were among the dead", after a line that told the attack with no toll:
    // some of a toll belong to the incident that has one)
    const tolled = partOfToll(input.quantities[si] ?? [], text)
      ? earlier.filter((k) => MEASURES.some((m) => (events[k] as Event).casualties[m]))
      : [];
    const j = same.at(-1) ?? tolled.at(-1) ?? earlier.at(-1) ?? -1;
    const incident = events[j];
    if (!incident) return false;
    if (
      !update &&
      e.occurred.start !== null &&
      incident.occurred.start !== null &&
      e.occurred.start !== incident.occurred.start
    )
      return false;
    // ("At least 11 civilians were killed ... during the fighting", after "M23 rebels seized Masisi
    // after clashes": a toll that names the incident again is its toll, though the incident's own
    // sentence gave none)
    // (an update of a toll, "the toll from that strike had risen to 21", is of an incident told
    // with one: without, it stays the toll it says, where its own words place it)
    // (nor is damage told — "videos of the destroyed mosque" — the attack its wounded were hurt in)
    const namedAgain =
      !update &&
      NAMED_AGAIN.test(text) &&
      incident.kind !== 'property_destruction' &&
      (e.kind === incident.kind || e.kind === 'attack');
    if (!MEASURES.some((m) => incident.casualties[m]) && !namedAgain) return false;
    // "Islamic Jihad said three of the dead were its members": a part of the toll told, not another
    if (
      partOfToll(input.quantities[si] ?? [], text) &&
      MEASURES.every((m) => !e.casualties[m] || incident.casualties[m])
    ) {
      folded.add(i);
      return true;
    }
    // "another 47 were wounded" after a death toll: the incident's wounded; after a count of
    // wounded, more of them. Another toll of a measure the incident has is the same toll only
    // when it is the same figure or the sentence names the incident ("confirmed the attack but
    // said 12"): "29 of our soldiers were killed" after the enemy's dead is the other side's toll
    const sameMeasure = MEASURES.some((m) => e.casualties[m] && incident.casualties[m]);
    if (sameMeasure && !update && (ADDED.test(text) || (!INCIDENT_ANAPHOR.test(text) && same.length === 0)))
      return false;
    // "seven people were still being treated": those left of a toll, not a competing count of it
    if (sameMeasure && same.length === 0 && STILL.test(text)) return false;
    for (const m of MEASURES) {
      const again = e.casualties[m];
      if (!again) continue;
      const had = incident.casualties[m];
      // a figure where the incident had only a word ("dozens were injured", then "50 others
      // injured in the attack") says how many: it replaces the word
      if (!had || (had.qualifier === 'vague' && again.qualifier !== 'vague')) incident.casualties[m] = again;
      else if (update && again.best > had.best)
        // "the death toll later rose to 35": the latest toll is the best, the first its low end
        incident.casualties[m] = { ...again, low: Math.min(had.low ?? had.best, again.low ?? again.best) };
      else {
        const low = Math.min(had.low ?? had.best, again.low ?? again.best);
        const high = Math.max(had.high ?? had.best, again.high ?? again.best);
        incident.casualties[m] = {
          ...had,
          low: low < had.best ? low : had.low,
          high: high > had.best ? high : had.high,
        };
      }
    }
    incident.evidence.push(...e.evidence.filter((ev) => ev.field?.startsWith('casualties.')));
    // the incident named again says when it was ("the blast, which happened ... on Saturday morning")
    if (incident.occurred.start === null && e.occurred.start !== null) incident.occurred = e.occurred;
    // ... and where, when the incident's own sentence did not ("injured ... in the Moenchengladbach
    // area, near the Rheindahlen base, ... from the blast")
    // (and, named again, where inside the country or province the incident was told in: "a drone
    // strike on a college dormitory in Russian-held Ukraine", then "the toll from that strike" in
    // Luhansk)
    if (e.location && (!incident.location || (namedAgain && finerWithin(e.location, incident.location))))
      incident.location = e.location;
    folded.add(i);
    return true;
  }
}

/** Who carries out an attack on the ground, by the words reports call them. */
const ATTACKERS =
  /\b(?:attackers?|assailants?|(?:suicide )?bombers?|raiders?|hostage-takers?|perpetrators?|gunm[ae]n|militants?|insurgents?|jihadists?|terrorists?|fighters?|kidnappers?|bandits?)\b/gi;
/** One of those words, alone. */
const ATTACKER_WORD = new RegExp(`^${ATTACKERS.source}$`, 'i');
/** Words that mean those who carried out the attack in view, whatever they are called elsewhere. */
const PERPETRATORS =
  /^(?:attackers?|assailants?|(?:suicide )?bombers?|raiders?|hostage-takers?|perpetrators?)$/i;
/** "the gunmen", "two of the militants", "all five attackers", "both": the ones already told of */
const THE_ONES = /\b(?:the|all|both|of the|of those)\s+(?:[\w-]+\s+)?$/i;
/** "killed five militants in a raid": an operation of its own, told with "a" */
const AN_OPERATION =
  /\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:counter-?)?(?:raid|operation|offensive|strike|air ?strike|assault|ambush|clash|battle|sweep|crackdown|attack)\b/i;
/** The incidents carried out by attackers on the ground, who may die in them (a clash's dead fighters are its toll). */
const ATTACKED_ON_GROUND = new Set<Event['kind']>(['attack', 'bombing']);

/**
 * "Gunmen stormed a hotel in Mogadishu, killing 12 people. Police said they had killed two of
 * the attackers." / "All five attackers were killed by security forces." / "The bomber was also
 * killed.": attackers killed in the attack they carried out, told after it in a sentence that
 * names no incident, place or day of its own, are part of that incident, not another event.
 * Their deaths are not added to its toll: world-dev's gold counts attackers in an incident's toll
 * only when the report counts them in it ("seven soldiers ... and 80 attackers were killed",
 * summed where it is told) and keeps the victims' toll when the report tells the attackers'
 * deaths apart; ACLED's fatalities include perpetrators. The two disagree, so the victims' toll
 * stands and nothing is added.
 * The dead must be named as the attackers: a word that means so ("attackers", "the bomber"),
 * the ones told of ("the gunmen", "two of the militants"), or the very word the incident's own
 * sentence gave its attackers ("Gunmen attacked ...", then "Two gunmen died"). "Security forces
 * killed five militants in a raid" stays an event of its own.
 * Returns the indices of the events that tell those deaths.
 */
function attackersOfIncident(
  input: EventInput,
  events: readonly Event[],
  sentenceOf: readonly number[],
  namesNoIncident: readonly boolean[],
  triggerAt: readonly number[],
  triggerEnd: readonly number[],
): Set<number> {
  const gone = new Set<number>();
  events.forEach((e, i) => {
    if (!namesNoIncident[i] || !isViolence(e.kind) || !e.casualties.killed || e.casualties.injured) return;
    const si = sentenceOf[i] as number;
    const text = input.masked[si] ?? (input.sentences[si] as Sentence).text;
    if (NEW_STORY.test(text) || AN_OPERATION.test(text)) return;
    const tolls = (input.quantities[si] ?? []).filter(
      (q) => q.measure === 'killed' && !q.cumulative && q.partOf === null,
    );
    if (tolls.length === 0) return;
    // (the attackers' deaths told just before are part of it too: "... killed two of the attackers. All five ...")
    const j = events.findLastIndex(
      (f, k) => k < i && !gone.has(k) && isViolence(f.kind) && (sentenceOf[k] as number) < si,
    );
    const incident = events[j];
    if (!incident || !ATTACKED_ON_GROUND.has(incident.kind)) return;
    const from = sentenceOf[j] as number;
    if (si - from > (NAMES_INCIDENT.test(text) ? 6 : 3)) return;
    // a day or a place of its own is another incident ("On December 16, the army announced that it
    // had neutralized four terrorists in Belhouro")
    if (input.datesOf(si).some((d) => !d.statement)) return;
    const at = incident.location?.placeId ? placeById(incident.location.placeId) : null;
    const ownPlaces = (input.places[si] ?? []).filter((p) => p.place.kind !== 'country');
    if (ownPlaces.some((p) => !at || (p.place.id !== at.id && !isWithin(at, p.place)))) return;
    // the word its trigger gives its attackers ("Gunmen attacked", "militants stormed"; a toll's own
    // words name its victims)
    const told = namesNoIncident[j] ? '' : (input.masked[from] ?? '').slice(triggerAt[j], triggerEnd[j]);
    const stem = (word: string) => word.toLowerCase().replace(/(?:s|[ae]n)$/, '');
    const named = new Set([...told.matchAll(ATTACKERS)].map((m) => stem(m[0])));
    const theirs = (q: SentenceQuantity) => {
      // the figure's own noun ("two of the attackers", "Two gunmen"), or the subject before a
      // single victim's verb ("The bomber was also killed")
      const own = [...text.slice(q.start, q.end).matchAll(ATTACKERS)].map((m) => ({
        word: m[0],
        lead: text.slice(Math.max(0, q.start - 20), q.start + (m.index ?? 0)),
      }));
      const subject =
        /\b(?:the|all|both)\s+((?:suicide\s+)?[\w-]+)\s+(?:was|were|had been|have been)?\s*$/i.exec(
          text.slice(Math.max(0, q.start - 40), q.start),
        );
      const words = own.length
        ? own
        : subject && ATTACKER_WORD.test(subject[1] as string)
          ? [{ word: subject[1] as string, lead: 'the ' }]
          : [];
      // ("a terrorist commander" is someone else, whatever the incident's attackers were called)
      return words.some(
        ({ word, lead }) =>
          PERPETRATORS.test(word) ||
          THE_ONES.test(lead) ||
          (named.has(stem(word)) && !/\b(?:an?|another|other)\s+(?:[\w-]+\s+)?$/i.test(lead)),
      );
    };
    if (tolls.every(theirs)) gone.add(i);
  });
  // "Suspected jihadists killed 21 civilians in an attack on a village ...", then "The gunmen
  // arrived on motorbikes and opened fire on villagers gathered for a wedding": the attackers told
  // of again, with no toll and no day of their own, tell how that attack went, not another one
  events.forEach((e, i) => {
    if (gone.has(i) || !isViolence(e.kind) || MEASURES.some((m) => e.casualties[m])) return;
    const si = sentenceOf[i] as number;
    const text = input.masked[si] ?? (input.sentences[si] as Sentence).text;
    if (!THE_ATTACKERS_AGAIN.test(text) || input.datesOf(si).some((d) => !d.statement)) return;
    const j = events.findLastIndex(
      (f, k) => k < i && !gone.has(k) && isViolence(f.kind) && (sentenceOf[k] as number) < si,
    );
    const incident = events[j];
    if (!incident || !ATTACKED_ON_GROUND.has(incident.kind) || si - (sentenceOf[j] as number) > 2) return;
    if (!MEASURES.some((m) => incident.casualties[m])) return;
    gone.add(i);
  });
  return gone;
}
/** "The gunmen arrived ...", "The attackers then set fire to ...": the attackers of the incident just told, as the subject */
const THE_ATTACKERS_AGAIN =
  /^\W*(?:the|all the|both)\s+(?:[\w-]+\s+)?(?:attackers|assailants|gunmen|militants|jihadists|insurgents|bombers|raiders|bandits)\b/i;

/**
 * A place another sentence gives is taken only where that sentence says it is a place: a
 * preposition within the three words before ("in downtown Tunis", "authorities of the Luhansk
 * region", "in Chad's capital N'Djamena"), not "Baghdad war communiques".
 */
const SAID_WHERE =
  /\b(?:in|at|near|outside|of|into|on|from|around|across|inside)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}$/iu;

const coarser = (l: EventLocation, floor: 2 | 3): EventLocation => ({
  ...l,
  geoPrecision: Math.max(l.geoPrecision ?? 1, floor) as 2 | 3,
});

/**
 * Violence whose sentence names no place, or only a country or a province, placed from the words
 * around it, at a lower ACLED geo precision (2 or 3) than a place its own sentence names:
 * - no place: the place said to be where in one of the two sentences before ("firing rockets near
 *   a military base in Arauca province. The attack killed two soldiers"), else the dateline's city
 *   when it lies in the article's first country (precision 3) — never the bare country, which says
 *   no more than the article's countries do (seed 002's campaign of air strikes stays unplaced);
 * - a country or a region ("killed in an attack in northern Burkina Faso"): a place inside it, on
 *   the side the sentence names, that one of the next three sentences names ("in the Luhansk
 *   region", "in downtown Tunis"), unless a sentence between reports violence somewhere else. A
 *   province the sentence gives stays as it is ("northeast of Aleppo" is Aleppo province).
 */
/**
 * "launched 87 drones at the country": aimed at the story's own country as a whole. Not "across
 * the country", which often describes a monitor ("which tracks the violence across the country")
 * or sums several incidents (read as a total elsewhere).
 */
const AT_THE_COUNTRY = /\b(?:at|on|against)\s+the\s+country\b/i;
/** "in the western city of Lviv", "near Odesa": a place said to be where (not "the mayor of Kyiv said") */
const WHERE_INSIDE =
  /\b(?:in|near|outside|on|at|around)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|region|province|district)\s+of\s+)?$/i;
/**
 * "launched 92 drones at Ukraine", "fired rockets into northern Israel": a country named as what
 * munitions were aimed at (not "residents pouring into Turkey", "Air raid kills 21 at Syria market")
 */
const AIMED_AT =
  /\b(?:drones?|UAVs?|missiles?|rockets?|shells?|projectiles?|munitions|bombs?)\b[^.;,]{0,50}?\b(?:at|against|towards?|into)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$/i;

/**
 * The country a sentence's violence is aimed at as a whole: "at the country" (the story's), or a
 * country named right after "at", "against", "towards" or "into" ("fired dozens of rockets at
 * Lebanon"; not "at Ukraine's Zaporizhzhia plant", which names a place inside it).
 */
function aimedAtCountry(
  text: string,
  places: readonly LocalPlace[],
  clause: Clause,
  input: EventInput,
): Place | null {
  const told = text.slice(clause.from, Math.min(clause.to, text.length));
  if (AT_THE_COUNTRY.test(told)) return storyCountry(input);
  const named = places.find(
    (p) =>
      inClause(clause, p.start) &&
      p.place.kind === 'country' &&
      AIMED_AT.test(text.slice(Math.max(0, p.start - 90), p.start)) &&
      !/^['’]s\b/.test(text.slice(p.end, p.end + 3)),
  );
  return named?.place ?? null;
}

/**
 * The country a story is about: its dateline's, else that of its first place in its countries,
 * else the one country it names, else none.
 */
function storyCountry(input: EventInput): Place | null {
  const code =
    (input.dateline?.placeId ? placeById(input.dateline.placeId)?.country : null) ??
    (input.fallback?.placeId ? placeById(input.fallback.placeId)?.country : null) ??
    (input.countries?.size === 1 ? (input.countries.values().next().value as string) : null);
  return code ? countryPlace(code) : null;
}

function placeFromContext(
  input: EventInput,
  events: Event[],
  sentenceOf: readonly number[],
  placeable: readonly boolean[],
): void {
  const { sentences } = input;
  const countries = input.countries?.size ? input.countries : null;
  const rules = { within: countries, strict: false };
  events.forEach((e, i) => {
    if (!placeable[i] || e.location) return;
    const si = sentenceOf[i] as number;
    // only an incident its sentence dates, or a sentence that goes on with the story ("The attack
    // killed two soldiers", "It said ..."), takes a place from the sentences before: an undated
    // line ("Thousands more civilians killed.", a timeline's) is no incident of theirs; the
    // dateline's city, at precision 3, still says where it was reported
    // "attacked a market near Babanusa": a place the gazetteer lacks is where, not the city told
    // before nor the dateline's: where the article says it lies, else at most the province of the
    // place told just before (unless the sentence opens another story: "Separately, ..."), else
    // the country, when the article is about one
    const unknown = namesUnknownPlace(
      (sentences[si] as Sentence).text,
      input.places[si] ?? [],
      input.actors[si] ?? [],
    );
    const lies = unknown ? saidToLieIn(unknown, input) : null;
    if (lies) {
      e.location = coarser(lies, 2);
      return;
    }
    const undated =
      e.occurred.start === null &&
      e.occurred.text === null &&
      !goesOn((sentences[si] as Sentence).text, sentences[si - 1]?.text);
    for (let sj = si - 1; !undated && sj >= Math.max(0, si - 2); sj--) {
      if (unknown && NEW_STORY.test((sentences[si] as Sentence).text)) break;
      const text = (sentences[sj] as Sentence).text;
      // a place below the country, in the article's countries: a country alone says no more than
      // they do, and "monitored by the BBC in London" is where someone listened
      const local = (input.places[sj] ?? []).filter(
        (p) =>
          // a sea belongs to no country ("seized by unknown attackers in the Arabian Sea")
          (!countries || p.place.country === null || countries.has(p.place.country)) &&
          SAID_WHERE.test(text.slice(Math.max(0, p.start - 40), p.start)),
      );
      const found = pickPlace(text, local, text.length, rules);
      // "In Iraq ... in western Mosul", then "Syrian government forces dropped ...": not there
      if (found && !sidesElsewhere(input.actors[si] ?? [], found)) {
        const province = unknown ? provinceOf(found) : found;
        if (province) e.location = coarser(province, unknown ? 3 : 2);
        else if (!unknown) e.location = coarser(found, 2);
        if (e.location) return;
        break;
      }
    }
    if (unknown) {
      const only = countries?.size === 1 ? countryPlace(countries.values().next().value as string) : null;
      const text = (sentences[si] as Sentence).text;
      // ("near the town of Tinzaouaten on the border with Algeria": not in the country it borders)
      const borders = (input.places[si] ?? []).some(
        (p) => p.place.id === only?.id && BORDER_WITH.test(text.slice(Math.max(0, p.start - 40), p.start)),
      );
      if (only && !borders) e.location = locationOf(only);
      return;
    }
    // "Israel declared war after Hamas militants stormed across its border", filed from Rafah: a
    // sentence that names another of the story's countries is not where the report was filed
    const filedIn = input.dateline?.placeId ? placeById(input.dateline.placeId)?.country : null;
    const elsewhere = (input.places[si] ?? []).some(
      (p) =>
        p.place.kind === 'country' && p.place.country !== filedIn && countries?.has(p.place.country ?? ''),
    );
    if (input.dateline && !elsewhere) e.location = coarser(input.dateline, 3);
  });
  events.forEach((e, i) => {
    const outer = e.location?.placeId ? placeById(e.location.placeId) : null;
    if (!placeable[i] || !outer || (e.location?.geoPrecision ?? 1) < 3) return;
    // a province the sentence gives ("northeast of Aleppo" is Aleppo province) stays: only a country or a region is refined
    if (outer.kind !== 'country' && outer.kind !== 'region') return;
    const si = sentenceOf[i] as number;
    // (a wave aimed "at the country" is over all of it: a town told next is another strike's)
    if (
      outer.kind === 'country' &&
      aimedAtCountry((sentences[si] as Sentence).text, input.places[si] ?? [], EVERYWHERE, input)
    )
      return;
    // (a place named that the gazetteer lacks is where: the next sentences give at most its province)
    const unknown = namesUnknownPlace(
      (sentences[si] as Sentence).text,
      input.places[si] ?? [],
      input.actors[si] ?? [],
    );
    if (unknown && NEW_STORY.test((sentences[si] as Sentence).text)) return;
    const side = sideOf((sentences[si] as Sentence).text, outer);
    for (let sj = si + 1; sj <= si + 4 && sj < sentences.length; sj++) {
      // violence reported elsewhere in between: the next sentences tell another incident
      const elsewhere = events.some((f, j) => {
        const at = f.location?.placeId ? placeById(f.location.placeId) : null;
        return (
          sentenceOf[j] === sj &&
          isViolence(f.kind) &&
          at !== null &&
          !isWithin(at, outer) &&
          at.id !== outer.id
        );
      });
      if (elsewhere) return;
      const text = (sentences[sj] as Sentence).text;
      const inside = (input.places[sj] ?? []).filter(
        (p) =>
          p.place.id !== outer.id &&
          p.place.kind !== 'country' &&
          isWithin(p.place, outer) &&
          (side === null || onSide(p.place, outer, side)) &&
          SAID_WHERE.test(text.slice(Math.max(0, p.start - 40), p.start)) &&
          // "Baghdad's forces": an owner, not a place
          !/^['’]s\s+(?!\p{Lu})/u.test(text.slice(p.end, p.end + 4)),
      );
      const found = inside.length ? pickPlace(text, inside, 0, { within: null, strict: false }) : null;
      if (found) {
        const province = unknown ? provinceOf(found) : null;
        if (unknown && province) e.location = coarser(province, 3);
        else if (!unknown) e.location = coarser(narrower(found, sj + 1), 2);
        return;
      }
    }
  });

  /**
   * "crashed in Logar province", then "in Pangram area of Sarkh, Logar": the sentence right after
   * the one that refined a country may name a place inside that place, which is more precise.
   */
  function narrower(found: EventLocation, sj: number): EventLocation {
    const outer = placeById(found.placeId ?? '');
    const text = sentences[sj]?.text;
    if (!outer || text === undefined) return found;
    const inside = (input.places[sj] ?? []).filter(
      (p) =>
        p.place.id !== outer.id &&
        isWithin(p.place, outer) &&
        SAID_WHERE.test(text.slice(Math.max(0, p.start - 40), p.start)),
    );
    return (inside.length ? pickPlace(text, inside, 0, { within: null, strict: false }) : null) ?? found;
  }
}

const SIDE = /\b(north|south|east|west)(?:-?(east|west))?(?:ern)?\s+(?:the\s+)?$/i;

/** "in northern Burkina Faso": the side of the place the sentence names, or null. */
function sideOf(text: string, outer: Place): string[] | null {
  for (const name of [outer.name, ...outer.aliases]) {
    const at = text.indexOf(name);
    if (at < 0) continue;
    const m = SIDE.exec(text.slice(Math.max(0, at - 30), at));
    return m ? [m[1] as string, m[2] ?? ''].filter(Boolean).map((d) => d.toLowerCase()) : null;
  }
  return null;
}

/** Whether a place inside `outer` lies on that side of its reference point (a country's centre, a province's seat). */
function onSide(p: Place, outer: Place, side: readonly string[]): boolean {
  if (p.lat === null || p.lon === null || outer.lat === null || outer.lon === null) return true;
  // a place the gazetteer lacks stands at its parent's point: where on the map is unknown
  if (p.lat === outer.lat && p.lon === outer.lon) return true;
  // "northeastern": either way will do, against a country's rough centre
  return side.some((d) =>
    d === 'north'
      ? p.lat! > outer.lat!
      : d === 'south'
        ? p.lat! < outer.lat!
        : d === 'east'
          ? p.lon! > outer.lon!
          : p.lon! < outer.lon!,
  );
}
