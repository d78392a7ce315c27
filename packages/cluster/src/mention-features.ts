import type { ActorKind } from '@sitrep/schema/actor';
import { type EventFamily, eventKindInfo } from '@sitrep/schema/event-kinds';
import { figureStanding } from '@sitrep/schema/incident-figures';
import { LRUCache } from 'lru-cache';
import { backgroundReach, type DayWindow, mentionWindow } from './date-window.ts';
import type { EventMention } from './event-mention.ts';
import { PLACELESS_KINDS } from './kind-groups.ts';
import type { NamesakeRegionOf } from './namesake-regions.ts';
import { MIN_QUOTE_WORDS, quoteWords } from './quote-text.ts';

/** Parents of a place id, nearest first (the gazetteer's `ancestorsOf`). */
export type AncestorsOf = (placeId: string) => readonly string[];

/** The kind of a known actor (the gazetteer's `actorById(id)?.kind`), or null when unknown. */
export type ActorKindOf = (actorId: string) => ActorKind | null;

/** What feature extraction may look up: places' parents and actors' kinds. */
export interface Lookups {
  ancestorsOf: AncestorsOf;
  actorKindOf: ActorKindOf | null;
  /** the province a bare town name may also mean (`namesake-regions.ts`); null: none does */
  namesakeRegionOf: NamesakeRegionOf | null;
}

/**
 * Only those who can carry out an attack can tell two attacks apart. Extraction sometimes
 * files the speaker ("the Observatory said ... killed") as the perpetrator; with actor kinds
 * known, such names are left out of the comparison.
 */
const PERPETRATOR_KINDS: ReadonlySet<ActorKind> = new Set(['armed_group', 'state', 'military']);

/** What the link rules look at, computed once per mention. */
export interface MentionFeatures {
  mention: EventMention;
  id: string;
  family: EventFamily;
  window: DayWindow | null;
  /** the place key then its ancestors, nearest first; empty when the place is too coarse to block on */
  placeLine: readonly string[];
  perpetrators: ReadonlySet<string>;
  /** quoted words of the event's claims, long enough to tie two reports */
  quotes: readonly (readonly string[])[];
  /** the killed figure, when exact enough to compare and not a total (`@sitrep/schema/incident-figures`) */
  killed: number | null;
  /** whether the report gives any killed figure, "dozens" included, that is not a total */
  toll: boolean;
  /** the range a vague toll's word stands for ("dozens": 24–99, `VAGUE_WORDS`), else null */
  vagueKilled: { low: number; high: number } | null;
  /** the country id of a report placed no finer than a country ("in Syria"), else null */
  country: string | null;
  /** "yes-no" of a vote large enough for its split to identify it (`TALLY_MIN_VOTES`), else null */
  tally: string | null;
  /** the body that voted or vetoed, when its sentence names one ("security-council"), else null */
  voteBody: string | null;
}

/**
 * UN bodies that vote, by the names reports give them. A Security Council vote and a General
 * Assembly vote on one day are two votes; reports that name no body part nothing.
 */
const VOTE_BODIES: readonly [string, RegExp][] = [
  ['security-council', /\b(?:Security Council|UNSC)\b/],
  ['general-assembly', /\b(?:General Assembly|UNGA)\b/],
  ['human-rights-council', /\bHuman Rights Council\b/],
];

function voteBodyOf(m: EventMention): string | null {
  if (!PLACELESS_KINDS.includes(m.kind)) return null;
  const named = VOTE_BODIES.filter(([, re]) => re.test(m.summary));
  // a sentence naming two bodies ("the Security Council, after the General Assembly's vote") says nothing sure
  return named.length === 1 ? (named[0] as [string, RegExp])[0] : null;
}

/**
 * Votes cast (yes + no) from which a vote's exact split identifies it: a 15-member council or a
 * cabinet repeats its tallies (15-0, 13-0), an assembly's 122 to 13 does not recur by chance.
 */
export const TALLY_MIN_VOTES = 20;

function tallyOf(m: EventMention): string | null {
  const v = m.vote;
  if (!v || v.yes === null || v.no === null || v.yes + v.no < TALLY_MIN_VOTES) return null;
  return `${v.yes}-${v.no}`;
}

/**
 * A toll from which an undated report may refer back to an earlier incident (`backgroundReach`):
 * tolls of fifty or more are few enough that the same figure at the same place is that incident.
 */
export const BACKGROUND_MIN_KILLED = 50;

/** Countries and regions hold too many events to say two reports are about the same one. */
const COARSE_PRECISIONS = new Set(['country', 'region', 'unknown']);

const MAX_REMEMBERED_NAMES = 10_000;
const normalizedNames = new LRUCache<string, string>({ max: MAX_REMEMBERED_NAMES });

/**
 * Names as compared: NFKC, lower case, runs of anything but letters and digits as one space.
 * The same few names come back again and again (every Reuters credit, every "the Observatory"),
 * and the Unicode regex costs ~1 µs a call, so answers are remembered; bounded, least recently
 * used out, so a long-running process does not keep every name it ever saw.
 */
export function normalizeName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    normalizedNames.set(name, normalized);
  }
  return normalized;
}

/**
 * The place a mention blocks on, or null when it is too coarse. A region inside a country (the
 * Gaza Strip, Darfur, Donbas, Iraqi Kurdistan: the gazetteer gives it a parent) is a place as a
 * province is; a region that holds countries (the Middle East) is not. `ancestorsOf` is omitted
 * by callers that only need to know whether a mention has a place of its own.
 */
export function placeKey(m: EventMention, ancestorsOf?: AncestorsOf): string | null {
  const loc = m.location;
  if (!loc && PLACELESS_KINDS.includes(m.kind)) return `kind:${m.kind}`;
  if (!loc) return null;
  const withinCountry =
    loc.precision === 'region' &&
    loc.placeId !== null &&
    ancestorsOf !== undefined &&
    ancestorsOf(loc.placeId).length > 0;
  if (COARSE_PRECISIONS.has(loc.precision) && !withinCountry) return null;
  return loc.placeId ?? `name:${normalizeName(loc.name)}`;
}

// Shared by every mention that names no perpetrator or quotes no one (most of them): features
// are never written to after they are made, and a Set or array each was most of their weight.
const NO_PERPETRATORS: ReadonlySet<string> = new Set();
const NO_QUOTES: readonly (readonly string[])[] = [];

export function mentionFeatures(m: EventMention, lookups: Lookups): MentionFeatures {
  const key = placeKey(m, lookups.ancestorsOf);
  // "Idlib" may be the town or the province around it: such a mention is read at the province
  const place = key === null ? null : (lookups.namesakeRegionOf?.(key) ?? key);
  const placeLine =
    place === null
      ? []
      : place.startsWith('name:') || place.startsWith('kind:')
        ? [place]
        : [place, ...lookups.ancestorsOf(place)];
  let perpetrators: Set<string> | null = null;
  for (const p of m.participants) {
    if (p.role !== 'perpetrator' || p.actor.id === null) continue;
    const kind = lookups.actorKindOf?.(p.actor.id) ?? null;
    if (lookups.actorKindOf === null || (kind !== null && PERPETRATOR_KINDS.has(kind))) {
      perpetrators ??= new Set();
      perpetrators.add(p.actor.id);
    }
  }
  let quotes: string[][] | null = null;
  for (const c of m.claims) {
    if (c.kind !== 'quote') continue;
    const words = quoteWords(c.text);
    if (words.length < MIN_QUOTE_WORDS) continue;
    quotes ??= [];
    quotes.push(words);
  }
  // a war's or a month's total is no incident's toll: it neither ties nor parts reports
  const killed = m.casualties.killed;
  const toll = killed !== null && figureStanding(m, m.claims, 'killed') !== 'total';
  const exact = toll && killed?.qualifier !== 'vague' ? (killed?.best ?? null) : null;
  const vagueKilled =
    toll && killed?.qualifier === 'vague'
      ? { low: killed.low ?? killed.best, high: killed.high ?? Number.POSITIVE_INFINITY }
      : null;
  const window = mentionWindow(m);
  return {
    mention: m,
    id: m.id,
    family: eventKindInfo(m.kind).family,
    // an undated toll that high may be a background reference to an earlier incident
    window: exact !== null && exact >= BACKGROUND_MIN_KILLED ? backgroundReach(window) : window,
    placeLine,
    perpetrators: perpetrators ?? NO_PERPETRATORS,
    quotes: quotes ?? NO_QUOTES,
    killed: exact,
    toll,
    vagueKilled,
    tally: tallyOf(m),
    voteBody: voteBodyOf(m),
    country: m.location?.precision === 'country' ? (m.location.placeId ?? null) : null,
  };
}
