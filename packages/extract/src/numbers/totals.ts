import data from '../../data/totals.json' with { type: 'json' };

/**
 * Whether a figure is a total over a period or over several incidents rather than one
 * incident's toll, and the words that say so ("so far this year", "since 2015", "across the
 * country"). The phrases are data (data/totals.json says where they come from); this decides
 * which clause they must share with the number.
 */
const PERIOD = new RegExp(data.period.map((p) => `(?:${p})`).join('|'), 'gi');
const ACROSS = new RegExp(data.across.map((p) => `(?:${p})`).join('|'), 'g');
const CAMPAIGN = new RegExp(data.campaign, 'i');
const NOT_PERIOD = new RegExp(data.notPeriod, 'i');
const DAY = new RegExp(data.day);
/** Where one clause of a sentence ends and another begins. */
// ", one of almost three dozen murders of politicians in the past six months": an apposition that
// sets the incident among a total is a clause of its own
const CLAUSE_BREAK =
  /;|\s[—–]\s|,?\s+(?:but|while|whereas|although)\s+|,\s+(?:bringing|raising|taking|pushing|after|marking|saying|adding|according to|which|who|where|when|one of|the (?:latest|last|deadliest) (?:of|in))\s+/g;
/** "said Friday": the day a statement was made, not one the figure is pinned to */
const STATEMENT_DAY =
  /\b(?:said|says|told [\w ]{1,30}?|announced|reported|added)\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b/g;
/** A war named right before ", which ...": the subject of the clause after the relative one */
const WAR_THEN_WHICH =
  /\b(?:war|conflict|insurgency|uprising|rebellion|revolt|crisis|fighting|violence|invasion|hostilities)(?=\s*,\s*(?:which|that)\s+$)/i;
const WAR_HAS_KILLED =
  /^(?:[^,;]*,\s*)?(?:has|have)\s+(?:so far\s+|now\s+|since\s+)?(?:killed|claimed|left)\b/i;
/** Cheap test: no total without one of these words. */
const MAY_BE_TOTAL =
  /\b(?:so far|to date|alone|since|past|last|previous|between|during|throughout|over|war|conflict|insurgency|intifada|years|months|deadliest|toll|across|nationwide|separate|several|series|wave|has|have|days|nights|weeks|from|half|quarter)\b/i;

/** The clause of `text` that holds [start, end). */
export function clauseOf(text: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { from, to };
}

/** The words that make a figure a total, with their offsets in the sentence. */
export interface TotalPhrase {
  text: string;
  start: number;
  end: number;
}

const at = (m: RegExpExecArray, from: number, text = m[0], skip = 0): TotalPhrase => ({
  text,
  start: from + m.index + skip,
  end: from + m.index + skip + text.length,
});

/**
 * The words that make the figure at [start, end) of `text` a total (its period or scope), or
 * null when it reads as one incident's toll.
 */
export function totalPhrase(text: string, start: number, end: number): TotalPhrase | null {
  if (!MAY_BE_TOTAL.test(text)) return null;
  const { from, to } = clauseOf(text, start, end);
  const clause = text.slice(from, to);
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(clause); m !== null; m = PERIOD.exec(clause)) {
    // "the deadliest attack since 2019" compares with a period; it does not sum one
    if (/^since\b/i.test(m[0]) && NOT_PERIOD.test(clause.slice(Math.max(0, m.index - 40), m.index))) continue;
    return at(m, from);
  }
  ACROSS.lastIndex = 0;
  const across = ACROSS.exec(clause);
  if (across) return at(across, from);
  // "Burkina Faso's jihadist insurgency, which spilled over from Mali in 2015, has killed more than
  // 26,000": the war named just before the relative clause is what has killed, over its whole course
  const war = WAR_THEN_WHICH.exec(text.slice(0, from));
  if (war && WAR_HAS_KILLED.test(clause)) return at(war, 0);
  const campaign = CAMPAIGN.exec(clause);
  if (campaign && !DAY.test(clause.replace(STATEMENT_DAY, ''))) {
    // the scope itself ("in the ground offensive"), not the verb before it
    const scope = /\b(?:in|during) (?:the |its |this |their )?(?:[\w'-]+ ){0,2}?[\w-]+$/i.exec(campaign[0]);
    return scope ? at(campaign, from, scope[0], scope.index) : at(campaign, from);
  }
  return null;
}
