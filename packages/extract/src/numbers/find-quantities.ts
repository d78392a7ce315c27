import type { Measure, PersonGroup, Qualifier } from '@sitrep/schema/quantity';
import { findNumbers, type NumberMention } from './find-numbers.ts';
import {
  DATE_AFTER,
  DATE_BEFORE,
  GROUP_NOUNS,
  MEASURE_AFTER,
  MEASURE_BEFORE,
  NOT_A_COUNT_AFTER,
  NOT_A_COUNT_BEFORE,
} from './quantity-words.ts';
import { singleVictims } from './single-victims.ts';
import { type TotalPhrase, totalPhrase } from './totals.ts';

/** A typed number in one sentence; offsets are into the sentence text. */
export interface SentenceQuantity {
  measure: Measure;
  group: PersonGroup;
  value: { best: number; low: number | null; high: number | null };
  qualifier: Qualifier;
  text: string;
  start: number;
  end: number;
  /** index in the same sentence's list of the total this is a subgroup of */
  partOf: number | null;
  cumulative: boolean;
  /** what a total covers ("so far this year", "across the country"): set when `cumulative` */
  period: TotalPhrase | null;
  /**
   * index of the figure before this one that it adds to: "seven soldiers, several civilians and
   * 80 attackers were killed" is one toll of 87 in parts (the same measure, listed together)
   */
  sumWith: number | null;
  /** a part of that list is uncounted ("several civilians"): the sum is a lower bound */
  uncountedPart: boolean;
}

/** Measures a total can be of: a running toll of deaths, wounded, displaced ... */
const TOTALLED: readonly Measure[] = [
  'killed',
  'injured',
  'casualties',
  'missing',
  'detained',
  'displaced',
  'fled',
  'evacuated',
];
/**
 * "when a minibus overturned", "in a road crash": a mishap, with no weapon in it. Words that can
 * follow an attack ("crashed", "sank", "caught fire") are left out: a ship sinks after a missile,
 * and a military aircraft's crash is often claimed as a shooting-down (its cause stays open).
 */
const MISHAP =
  '(?:when|after|as)\\s+(?:a|an|the|their|his|her|its)\\s+(?:[\\w-]+\\s+){0,2}?(?:overturned|collided|capsized|derailed|veered off (?:the|a) road)|in (?:a |an )?(?:[\\w-]+\\s+){0,2}?(?:accident|earthquake|floods?|flooding|landslide|stampede)\\b|(?:road|traffic|car|bus|minibus|truck|lorry|motorcycle) (?:crash|collision)';
/** A sentence that tells of a mishap: its dead and wounded are no attack's unless a weapon is named. */
export const ACCIDENT = new RegExp(`\\b(?:${MISHAP})`, 'i');
/** "died of cold", "froze to death", "killed in a traffic accident": deaths, but not from violence */
const NON_VIOLENT = new RegExp(
  `^[^.;]{0,60}?\\b(?:(?:of|from|due to|after|because of)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}?(?:cold|hypothermia|freezing temperatures|exposure to the (?:cold|elements)|hunger|starvation|malnutrition|famine|thirst|dehydration|disease|diseases|illness|cholera|measles|malaria|dysentery|covid(?:-19)?|coronavirus|natural causes|heart attacks?)|${MISHAP}|(?:froze|starved) to death|drowned)`,
  'i',
);

const YEAR = /^(?:19|20)\d\d$/;
const VOTE = /\b(?:voted|by a vote of)\s+(\d+)\s*(?:to|-|–)\s*(\d+)(?:,?\s+with\s+(\d+)\s+abstentions?)?/i;
const NONE = /\b[Nn]one of the ((?:[\w-]+\s+){0,2}[\w-]+) (?:were|was) (killed|injured|wounded|hurt)\b/;
/** "one of the 18 sailors ... was injured": the 18 is the set the one belongs to, not a count */
const PARTITIVE = /\b(?:one|two|three|four|five|\d+)\s+of\s+(?:the|its|their|his|her|our|these|those)\s+$/i;
const SUBGROUP_BEFORE = /\b(?:including|among them|of whom|of them)\s+$/i;
const SUBGROUP_AFTER = /^\s+(?:of (?:them|whom)|were (?:among|of) them)\b/i;
/** nothing but a space or a colon between a total and the next figure: its breakdown, written without commas */
const APPOSITION = /^\s*:?\s+$/;
/** Whether a group can hold another: "three civilians two women" is a breakdown, "six women five children" a list. */
const contains = (whole: PersonGroup, part: PersonGroup): boolean =>
  whole !== part &&
  (whole === 'people' ||
    (whole === 'civilians' &&
      (part === 'women' || part === 'men' || part === 'children' || part === 'families')));
const AMONG_AFTER = /^\s+[\w-]+\s+(?:were|are|was)\s+among\s+$/i;
const AMONG_BETWEEN = /^\s+(?:were|are|was)\s+among\s+$/i;

/**
 * "killing 47 soldiers, two security sources said": a figure whose words, none a group of
 * victims, run straight into a verb of saying counts who said it. The words between may not name
 * a fate ("three wounded told reporters" stays a count of wounded).
 */
const SPEAKERS_AFTER =
  /^(?:\s+(?!(?:killed|dead|died|wounded|injured|hurt|missing|of|were|was|had|have)\b)[\p{L}-]+){1,3},?\s+(?:said|say|says|told|tell|reported|confirmed|added|stated)\b/iu;

function isNotACount(text: string, n: NumberMention): boolean {
  const before = text.slice(Math.max(0, n.start - 40), n.start);
  const after = text.slice(n.end, n.end + 30);
  if (YEAR.test(n.text) && n.qualifier === 'exact') return true;
  if (NOT_A_COUNT_AFTER.test(after) || DATE_BEFORE.test(before) || DATE_AFTER.test(after)) return true;
  if (!((n.qualifier === 'exact' || n.range) && NOT_A_COUNT_BEFORE.test(before))) return false;
  // "In Kyiv, 33 people were killed": a place's comma before a count of people, not "Al-Sudani, 47"'s age
  return !(AGE_APPOSITION.test(before) && PEOPLE_COUNTED_AFTER.test(after));
}

/** "Thaier Al-Sudani, 47": a name, a comma and an age */
const AGE_APPOSITION = /(?<!\p{L})\p{Lu}[\p{Ll}'’]+,\s*$/u;
/** a plural noun of people right after the number: a count ("33 people", "12 soldiers"), never an age */
const PEOPLE_COUNTED_AFTER =
  /^\s+(?:people|persons|civilians|soldiers|troops|children|women|men|fighters|militants|rebels|policemen|police officers|residents|villagers|migrants|refugees|students|workers|worshippers|passengers)\b/i;

/** Words that may stand between a number and its noun: "dozens of displaced civilians". */
const ADJECTIVE =
  /^(?:displaced|besieged|other|more|innocent|unarmed|young|elderly|armed|rebel|government|opposition|regime|pro-government|army|police|security|allied|foreign|[A-Z][\w'-]+|[\w]+-(?:backed|held|led|based))$/;

/** Any other lower-case word before a group noun ("one presidential guard"), but not a verb or a function word. */
const MODIFIER =
  /^(?!(?:were|was|are|is|be|been|being|have|has|had|and|or|but|nor|of|in|on|at|to|from|by|for|with|into|the|a|an|who|which|that|this|these|those|it|its|their|his|her|killed|died|dead|wounded|injured|hurt|missing|fled|displaced|said|say|says|including|among|than|as|per|cent|percent|people)$)[a-z][a-z-]+$/;

/**
 * One pattern of alternatives, one named group per entry (`e0`, `e1`, ...), and the index of
 * the entry that matched. At the leftmost place any entry matches, the alternatives are tried
 * in list order, so this finds what trying each entry in turn and keeping the earliest match
 * (ties to the earlier entry) finds, in one scan instead of one per entry.
 */
function alternatives(patterns: readonly RegExp[]): { re: RegExp; which: (m: RegExpExecArray) => number } {
  // one set of flags for all: every entry is case-insensitive and nothing else
  if (patterns.some((p) => p.flags !== 'i'))
    throw new Error('alternatives: every pattern needs exactly the i flag');
  const re = new RegExp(patterns.map((p, i) => `(?<e${i}>${p.source})`).join('|'), 'i');
  const which = (m: RegExpExecArray) => patterns.findIndex((_p, i) => m.groups?.[`e${i}`] !== undefined);
  return { re, which };
}

const GROUP_NOUN = alternatives(GROUP_NOUNS.map(([re]) => re));
const MEASURE = alternatives(MEASURE_AFTER.map(([re]) => re));

function groupAfter(after: string): { group: PersonGroup; measure: Measure | null; length: number } | null {
  const lead = /^\s*(?:of\s+(?:the\s+)?)?["“]?/.exec(after)?.[0].length ?? 0;
  let at = lead;
  for (let skip = 0; skip <= 2; skip++) {
    const rest = after.slice(at);
    // each noun pattern is anchored at the start: the first in the list that matches wins
    const m = GROUP_NOUN.re.exec(rest);
    if (m) {
      const [, group, measure] = GROUP_NOUNS[GROUP_NOUN.which(m)] as (typeof GROUP_NOUNS)[number];
      return { group, measure, length: at + m[0].length };
    }
    const word = /^([\w-]+)\s+/.exec(rest);
    if (!word || !(ADJECTIVE.test(word[1] as string) || MODIFIER.test(word[1] as string))) return null;
    at += word[0].length;
  }
  return null;
}

/** The measure named first after a number (the earlier entry of MEASURE_AFTER on a tie). */
function firstMeasure(window: string): Measure | null {
  const m = MEASURE.re.exec(window);
  return m ? (MEASURE_AFTER[MEASURE.which(m)] as (typeof MEASURE_AFTER)[number])[1] : null;
}

/** Every number in the sentence typed by what it counts; numbers that count nothing are dropped. */
export function findQuantities(text: string): SentenceQuantity[] {
  const numbers = findNumbers(text).filter((n) => !isNotACount(text, n));
  const out: SentenceQuantity[] = [];
  const vote = VOTE.exec(text);
  const claimed = new Set<number>();
  if (vote) {
    const measures: Measure[] = ['votes_for', 'votes_against', 'abstentions'];
    let from = vote.index;
    vote.slice(1).forEach((digits, i) => {
      if (!digits) return;
      const start = text.indexOf(digits, from);
      from = start + digits.length;
      claimed.add(start);
      const measure = measures[i] as Measure;
      out.push({
        measure,
        group: 'things',
        value: { best: Number(digits), low: null, high: null },
        qualifier: 'exact',
        text: digits,
        start,
        end: start + digits.length,
        partOf: null,
        cumulative: false,
        period: null,
        sumWith: null,
        uncountedPart: false,
      });
    });
  }
  const typed: (SentenceQuantity & { explicitGroup: boolean; measureKnown: boolean })[] = [];
  // "one of the 18 sailors ... was injured": one, counted as what the rest of the sentence says
  const partitive = (one: NumberMention, set: NumberMention) => {
    const noun = groupAfter(text.slice(set.end));
    const measure = firstMeasure(text.slice(set.end + (noun?.length ?? 0)));
    if (!noun || !measure) return;
    typed.push({
      measure,
      group: noun.group,
      value: { best: 1, low: null, high: null },
      qualifier: 'exact',
      text: text.slice(one.start, one.end),
      start: one.start,
      end: one.end,
      partOf: null,
      cumulative: false,
      period: null,
      sumWith: null,
      uncountedPart: false,
      explicitGroup: true,
      measureKnown: true,
    });
  };
  numbers.forEach((n, i) => {
    if (claimed.has(n.numberStart)) return;
    const previous = numbers[i - 1];
    if (previous && /^one$/i.test(previous.text) && PARTITIVE.test(text.slice(previous.start, n.start))) {
      partitive(previous, n);
      return;
    }
    const next = numbers[i + 1];
    const after = text.slice(n.end, next ? next.start : text.length);
    const before = text.slice(i > 0 ? (numbers[i - 1] as NumberMention).end : 0, n.start);
    const noun = groupAfter(after);
    if (/^one$/i.test(n.text) && (!noun || /^\s+of\b/i.test(after))) return;
    // ("killed 1102 people said the Observatory": a group the dead belong to is still the dead)
    if (!noun && SPEAKERS_AFTER.test(after)) return;
    let measure: Measure | null = noun?.measure ?? null;
    if (!measure) measure = MEASURE_BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
    if (!measure) measure = firstMeasure(after);
    // "killed 50 militants and eight civilians": a figure joined by "and" shares the verb before it
    const last = typed[typed.length - 1];
    if (last?.measureKnown && /^\s*(?:,\s*)?(?:and\s+)?$/.test(text.slice(last.end, n.start)))
      measure ??= last.measure;
    if (
      measure === 'percent_territory' &&
      !/\b(?:re)?(?:claimed|captured|took|taken|control|held|seized)/i.test(text)
    )
      measure = 'other';
    if (!measure && !noun && !AMONG_AFTER.test(after)) return;
    if (measure === 'killed' && NON_VIOLENT.test(text.slice(n.end))) measure = 'deaths_non_violent';
    const endOfText = n.end + (noun?.length ?? 0);
    const period = measure && TOTALLED.includes(measure) ? totalPhrase(text, n.start, endOfText) : null;
    typed.push({
      measure: measure ?? 'other',
      group: noun?.group ?? 'people',
      value: { best: n.best, low: n.low, high: n.high },
      qualifier: n.qualifier,
      text: text.slice(n.start, endOfText),
      start: n.start,
      end: endOfText,
      partOf: null,
      cumulative: period !== null,
      period,
      sumWith: null,
      uncountedPart: false,
      explicitGroup: noun !== null,
      measureKnown: measure !== null,
    });
    const me = typed.length - 1;
    if (SUBGROUP_BEFORE.test(before) && me > 0) typed[me]!.partOf = me - 1;
    // "Three people, two of them children" / "three civilians two women and a man": the parts of a total
    if (
      me > 0 &&
      typed[me - 1]!.partOf === null &&
      (SUBGROUP_AFTER.test(after) ||
        (APPOSITION.test(text.slice(typed[me - 1]!.end, n.start)) &&
          contains(typed[me - 1]!.group, typed[me]!.group)))
    )
      typed[me]!.partOf = me - 1;
    // "including four soldiers and three gendarmes": the list goes on as subgroups of the same total
    const sibling = typed[me - 1];
    if (
      sibling &&
      sibling.partOf !== null &&
      !typed[me]!.measureKnown &&
      /^\s*(?:,\s*)?(?:and\s+)?$/.test(text.slice(sibling.end, n.start))
    )
      typed[me]!.partOf = sibling.partOf;
    const prev = typed[me - 1];
    if (prev && AMONG_BETWEEN.test(text.slice(prev.end, n.start))) prev.partOf = me;
  });
  listsAndSums(text, typed);
  // a subgroup and its total count the same thing; a group-less figure counts what the one before it did
  let lastTotal: (typeof typed)[number] | undefined;
  typed.forEach((q, i) => {
    const total = q.partOf !== null ? typed[q.partOf] : undefined;
    // a subgroup counts what its total counts ("killed 16 civilians including one child and wounded 22")
    if (total?.measureKnown) q.measure = total.measure;
    if (total && q.measureKnown && !total.measureKnown) total.measure = q.measure;
    const prev = typed[i - 1];
    // "46 civilians were killed and 230 were left injured": the group of the last total before it
    if (!q.explicitGroup && lastTotal) q.group = lastTotal.group;
    if (q.explicitGroup && q.partOf === null && q.group !== 'things') lastTotal = q;
    // "the conflict has claimed the lives of 470,000 people, injured 1.9 million others": one running toll
    if (prev?.cumulative) q.cumulative = true;
  });
  // "None of the Embassy staff were injured" is a figure too: zero
  const none = NONE.exec(text);
  if (none) {
    const noun = groupAfter(` ${none[1]}`);
    const measure = firstMeasure(none[2] as string);
    if (noun && measure)
      out.push({
        measure,
        group: noun.group,
        value: { best: 0, low: null, high: null },
        qualifier: 'exact',
        text: none[0],
        start: none.index,
        end: none.index + none[0].length,
        partOf: null,
        cumulative: false,
        period: null,
        sumWith: null,
        uncountedPart: false,
      });
  }
  const base = out.length;
  for (const { explicitGroup: _g, measureKnown: _m, ...q } of typed)
    out.push({
      ...q,
      partOf: q.partOf === null ? null : q.partOf + base,
      sumWith: q.sumWith === null ? null : q.sumWith + base,
    });
  // "killed a civilian", "the mayor was murdered", "no casualties": figures without a number; a
  // total's figure is no toll of this incident ("the mayor ... was killed, one of almost three
  // dozen murders of politicians in the past six months" still counts the mayor)
  const missing = new Set<Measure>(['killed', 'injured']);
  for (const q of out)
    if (!q.cumulative && (q.measure === 'killed' || q.measure === 'injured' || q.measure === 'casualties'))
      missing.delete(q.measure === 'casualties' ? 'killed' : q.measure);
  if (out.some((q) => q.measure === 'casualties' && !q.cumulative)) missing.delete('injured');
  for (const w of singleVictims(text, missing))
    out.push({
      measure: w.measure,
      group: w.group,
      value: { best: w.best, low: null, high: null },
      qualifier: 'exact',
      text: w.text,
      start: w.start,
      end: w.end,
      partOf: null,
      cumulative: false,
      period: null,
      sumWith: null,
      uncountedPart: false,
    });
  // indices shift when the filter drops entries: keep the links pointing at the same figures
  const kept = out.filter((q) => q.measure !== 'other' || q.group !== 'people' || q.qualifier !== 'exact');
  if (kept.length === out.length) return out;
  const at = new Map(kept.map((q, i) => [out.indexOf(q), i]));
  return kept.map((q) => ({
    ...q,
    partOf: q.partOf === null ? null : (at.get(q.partOf) ?? null),
    sumWith: q.sumWith === null ? null : (at.get(q.sumWith) ?? null),
  }));
}

/** Between two parts of one listed toll: a comma or "and", perhaps an uncounted part ("several civilians"). */
const LIST_JOIN =
  /^\s*(?:,\s*(?:(?:several|many|some|numerous|other|a number of|dozens of|scores of|hundreds of)\s+[\w-]+\s*)?)?(?:,\s*)?(?:and\s+)?$/i;
const UNCOUNTED = /\b(?:several|many|some|numerous|other|a number of|dozens of|scores of|hundreds of)\s/i;
/** "Ten officers were seriously wounded and 60 suffered slight injuries": one fate, told twice */
const SAME_FATE_JOIN =
  /^\s+(?:were|was|have been|had been|are)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|dead)\s*,?\s+and\s+$/i;

/**
 * A list of figures before one verb shares the verb ("seven soldiers, several civilians and 80
 * terrorists were killed"), and the parts of one toll are marked to be added up. Parts must name
 * their group and be joined by nothing but the list (a place or a time between them — "in
 * Aleppo and 7 in Homs" — makes them separate figures).
 */
function listsAndSums(
  text: string,
  typed: (SentenceQuantity & { explicitGroup: boolean; measureKnown: boolean })[],
): void {
  for (let i = typed.length - 2; i >= 0; i--) {
    const q = typed[i] as (typeof typed)[number];
    const next = typed[i + 1] as (typeof typed)[number];
    if (
      !q.measureKnown &&
      next.measureKnown &&
      q.explicitGroup &&
      LIST_JOIN.test(text.slice(q.end, next.start))
    ) {
      q.measure = next.measure;
      q.measureKnown = true;
      // "37 soldiers and 101 militants have been killed since ...": the list shares the total's period
      q.period = next.period ?? (TOTALLED.includes(q.measure) ? totalPhrase(text, q.start, q.end) : null);
      q.cumulative = q.period !== null;
    }
  }
  for (let i = 1; i < typed.length; i++) {
    const q = typed[i] as (typeof typed)[number];
    const prev = typed[i - 1] as (typeof typed)[number];
    if (q.measure !== prev.measure || !(['killed', 'injured'] as Measure[]).includes(q.measure)) continue;
    if (q.partOf !== null || prev.partOf !== null || q.cumulative || prev.cumulative) continue;
    if (!prev.explicitGroup) continue;
    const between = text.slice(prev.end, q.start);
    if (!LIST_JOIN.test(between) && !SAME_FATE_JOIN.test(between)) continue;
    q.sumWith = i - 1;
    q.uncountedPart = prev.uncountedPart || UNCOUNTED.test(between);
  }
}
