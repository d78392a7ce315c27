import type { Measure, PersonGroup } from '@sitrep/schema/quantity';
import { UNITS } from './number-words.ts';

/**
 * Figures written without a number: "killed a civilian", "the mayor was murdered" (one), "no
 * one was hurt", "no casualties" (none). Read only for a measure the sentence gives no number
 * for, so "one soldier was killed" or "five were killed" keep their own figures.
 */
export interface WordFigure {
  measure: Measure;
  group: PersonGroup;
  best: number;
  text: string;
  start: number;
  end: number;
}

const PERSON =
  '(?:civilian|man|woman|boy|girl|child|baby|teenager|soldier|policeman|policewoman|police officer|officer|guard|journalist|reporter|photographer|cameraman|teacher|doctor|nurse|medic|paramedic|aid worker|worker|farmer|resident|fighter|militant|commander|leader|mayor|politician|official|judge|student|pilot|priest|imam|activist|lawyer|candidate|councillor|councilor|governor|minister|driver|shepherd|passenger|sailor|peacekeeper|person|villager|protester|member)';
const GROUP_OF: Record<string, PersonGroup> = {
  civilian: 'civilians',
  man: 'men',
  woman: 'women',
  boy: 'children',
  girl: 'children',
  child: 'children',
  baby: 'children',
  soldier: 'soldiers',
  peacekeeper: 'soldiers',
  journalist: 'journalists',
  reporter: 'journalists',
  photographer: 'journalists',
  cameraman: 'journalists',
  doctor: 'medical_staff',
  nurse: 'medical_staff',
  medic: 'medical_staff',
  paramedic: 'medical_staff',
  'aid worker': 'aid_workers',
  fighter: 'fighters',
  militant: 'militants',
};
const KILL_VERB =
  '(?:killed|kills|killing|shot dead|shot and killed|gunned down|murdered|assassinated|beheaded|executed|stabbed to death|lynched)';
/** "a Ukrainian drone killed a civilian", "killing a Reuters reporter" */
const KILLED_ONE = new RegExp(`\\b${KILL_VERB}\\s+(?:a|an)\\s+(?:[\\w'’-]+\\s+){0,3}?(${PERSON})\\b`, 'i');
/** "a drone struck a bus, injuring a driver and two passengers" */
const INJURED_ONE = new RegExp(
  `\\b(?:injuring|injured|wounding|wounded|hurting)\\s+(?:a|an)\\s+(?:[\\w'’-]+\\s+){0,3}?(${PERSON})\\b`,
  'i',
);
/** "the mayor ... was killed", "Tapia, who was killed a few days before" (one person: "was", "has been"; "had been" may be plural) */
const WAS_KILLED =
  /\b(?:was|has been)\s+(?:also\s+|later\s+|reportedly\s+|allegedly\s+|then\s+|fatally\s+|among those\s+)?(?:killed|murdered|assassinated|shot dead|slain|beheaded|found dead|stabbed to death|shot and killed|gunned down|lynched)\b/i;
/** "the woman succumbed to her wounds": one death, of someone the sentence may also call injured */
const DIED_OF_WOUNDS =
  /\b(?:succumbed|died)\s+(?:later\s+)?(?:to|of|from)\s+(?:his|her)\s+(?:wounds|injuries)\b/i;
const WAS_HURT =
  /\b(?:was|has been|had been)\s+(?:also\s+|reportedly\s+|seriously\s+|critically\s+|badly\s+|slightly\s+|lightly\s+)?(?:injured|wounded)\b/i;
/** nobody, no one: the subject makes a "was killed" a zero */
const NOBODY_BEFORE = /\b(?:no one|no-one|nobody|none|no person|no civilians?|no soldiers?)\s+$/i;
const NO_CASUALTIES =
  /\b(?:no|without any|without)\s+(?:immediate\s+|reported\s+)?(casualties|deaths|fatalities|injuries|dead)\b/i;
const NOBODY =
  /\b(?:no one|no-one|nobody)\s+(?:was|were|has been|had been|is)\s+(?:reported\s+)?(killed|hurt|injured|wounded|harmed)\b|\bno (?:one|body) died\b/i;

/** Kin named after a victim: "killing a man, his wife and their three children". */
const KIN =
  '(?:wife|husband|son|daughter|child|brother|sister|mother|father|parent|grandson|granddaughter|grandchild|grandmother|grandfather|nephew|niece|cousin|uncle|aunt|baby|relative)';
const UNIT_WORDS = Object.keys(UNITS).join('|');
/** One more victim listed after the first: ", his wife", " and their three children", " and 19 others" (", an official said" is none). */
const LISTED_MORE = new RegExp(
  `^(?:,\\s*and\\s+|,\\s*|\\s+and\\s+)(?:(?:his|her|their|a|an)\\s+)?(?:(\\d{1,2}|${UNIT_WORDS})\\s+)?(?:(?:young|infant|teenage|elderly|adult|female|male|[\\w-]+-years?-old)\\s+)?(${KIN}|${PERSON}|other)(ren|s|es)?\\b(?!\\s+(?:said|says|told|added|reported|confirmed|stated))`,
  'i',
);

/**
 * The victims listed after the first ("a man, his wife and their three children" are five), or
 * null when one of them cannot be counted ("a man and his children"): then the first stands alone.
 */
function listedVictims(after: string): { count: number; length: number } | null {
  let count = 0;
  let at = 0;
  for (let m = LISTED_MORE.exec(after); m !== null; m = LISTED_MORE.exec(after.slice(at))) {
    const number = m[1] ? (/^\d/.test(m[1]) ? Number(m[1]) : (UNITS[m[1].toLowerCase()] ?? 0)) : null;
    const plural = Boolean(m[3]);
    if (plural && number === null) return null;
    if (!plural && number !== null && number !== 1) return null;
    count += number ?? 1;
    at += m[0].length;
  }
  return { count, length: at };
}

/** One victim in words and those listed after it ("a man, his wife and their three children": 5 people). */
function victimsFrom(measure: Measure, one: RegExpExecArray, text: string): WordFigure {
  const more = listedVictims(text.slice(one.index + one[0].length));
  if (!more?.count) return figure(measure, GROUP_OF[(one[1] as string).toLowerCase()] ?? 'people', 1, one);
  const f = figure(measure, 'people', 1 + more.count, one);
  f.end += more.length;
  f.text = text.slice(f.start, f.end);
  return f;
}

function figure(measure: Measure, group: PersonGroup, best: number, m: RegExpExecArray): WordFigure {
  return { measure, group, best, text: m[0], start: m.index, end: m.index + m[0].length };
}

/** Every rule above needs one of these words, in lower case: most sentences skip them all. */
const MAY_HOLD =
  /\b(?:casualties|injuries|deaths|fatalities|dead|died|hurt|harmed|killed|kills|killing|shot|gunned|murdered|assassinated|beheaded|executed|stabbed|lynched|slain|injured|injuring|wounded|wounding|hurting|succumbed)\b/;

/** Figures in words for the measures in `missing` (those the sentence has no number for). */
export function singleVictims(text: string, missing: ReadonlySet<Measure>): WordFigure[] {
  const out: WordFigure[] = [];
  if (missing.size === 0 || !MAY_HOLD.test(text)) return out;
  const none = NO_CASUALTIES.exec(text);
  if (none) {
    const word = (none[1] as string).toLowerCase();
    if (word !== 'injuries' && missing.has('killed')) out.push(figure('killed', 'people', 0, none));
    if (word !== 'deaths' && word !== 'fatalities' && word !== 'dead' && missing.has('injured'))
      out.push(figure('injured', 'people', 0, none));
    return out;
  }
  const nobody = NOBODY.exec(text);
  if (nobody) {
    const measure: Measure = /killed|died/i.test(nobody[0]) ? 'killed' : 'injured';
    if (missing.has(measure)) out.push(figure(measure, 'people', 0, nobody));
    return out;
  }
  const ofWounds = DIED_OF_WOUNDS.exec(text);
  if (ofWounds) {
    if (missing.has('killed')) out.push(figure('killed', 'people', 1, ofWounds));
    return out;
  }
  if (missing.has('killed')) {
    const one = KILLED_ONE.exec(text);
    const was = one ? null : WAS_KILLED.exec(text);
    if (one) out.push(victimsFrom('killed', one, text));
    else if (was && !NOBODY_BEFORE.test(text.slice(Math.max(0, was.index - 20), was.index)))
      out.push(figure('killed', 'people', 1, was));
  }
  if (missing.has('injured')) {
    const one = INJURED_ONE.exec(text);
    if (one) {
      out.push(victimsFrom('injured', one, text));
      return out;
    }
    const hurt = WAS_HURT.exec(text);
    if (hurt && !NOBODY_BEFORE.test(text.slice(Math.max(0, hurt.index - 20), hurt.index)))
      out.push(figure('injured', 'people', 1, hurt));
  }
  return out;
}
