import { type DayWindow, dayNumber, newsWindow, windowsOverlap } from './date-window.ts';
import { PART_GROUPS } from './figure-range.ts';
import { GENERIC_KINDS, kindsCompatible, RARE_KINDS, UNCOMMON_KINDS } from './kind-groups.ts';
import { BACKGROUND_MIN_KILLED, type MentionFeatures } from './mention-features.ts';
import { quotesNearIdentical } from './quote-text.ts';

/**
 * The pairwise rules. `compatible` is what can never be violated inside one cluster;
 * `linked` adds the positive evidence needed to join two mentions. Both are symmetric and
 * look only at the two mentions, so clusters do not depend on the order of ingestion.
 */

/** Killed figures further apart than this ratio are two events (tolls rise, but not sixfold). */
const FIGURE_CONFLICT_RATIO = 6;
/** Killed figures within this ratio agree. */
export const FIGURE_AGREE_RATIO = 1.25;

export function sharesQuote(a: MentionFeatures, b: MentionFeatures): boolean {
  for (const qa of a.quotes) for (const qb of b.quotes) if (quotesNearIdentical(qa, qb)) return true;
  return false;
}

/** One place is the other or lies within it (al-Kalaseh is within Aleppo). */
export function placesNested(a: MentionFeatures, b: MentionFeatures): boolean {
  const pa = a.placeLine[0];
  const pb = b.placeLine[0];
  if (pa === undefined || pb === undefined) return false;
  return a.placeLine.includes(pb) || b.placeLine.includes(pa);
}

function datesConflict(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.window !== null && b.window !== null && !windowsOverlap(a.window, b.window);
}

function perpetratorsDisjoint(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.perpetrators.size === 0 || b.perpetrators.size === 0) return false;
  for (const p of a.perpetrators) if (b.perpetrators.has(p)) return false;
  return true;
}

function figureRatio(a: MentionFeatures, b: MentionFeatures): number | null {
  if (a.killed === null || b.killed === null) return null;
  const lo = Math.min(a.killed, b.killed);
  const hi = Math.max(a.killed, b.killed);
  return lo === 0 ? (hi === 0 ? 1 : Number.POSITIVE_INFINITY) : hi / lo;
}

/** A toll this high, given twice for one day, is a fingerprint of one event (small tolls coincide). */
export const FINGERPRINT_MIN_KILLED = 5;

/** Two reports of one vote: the same large body's exact split (`TALLY_MIN_VOTES`), "122 to 13". */
export function sameTally(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.tally !== null && a.tally === b.tally;
}

/**
 * Both report the same rare kind (`RARE_KINDS`: a chemical attack) in one country: at nested
 * places, or one placed no finer than the country the other lies in. With overlapping days
 * (checked by `compatible`) that is one attack, whatever figure or place detail either adds.
 */
export function sameRareKind(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.mention.kind !== b.mention.kind || !RARE_KINDS.includes(a.mention.kind)) return false;
  if (a.placeLine.length > 0 && b.placeLine.length > 0) return placesNested(a, b);
  if (a.country !== null && b.country !== null) return a.country === b.country;
  if (a.country !== null) return b.placeLine.includes(a.country);
  if (b.country !== null) return a.placeLine.includes(b.country);
  return false;
}

/** Tolls this high, within the agreement ratio, are one incident's even months apart ("more than 1,000", "some 1,200"). */
export const BACKGROUND_AGREE_MIN_KILLED = 500;

/**
 * An undated report's toll names an incident dated before it (checked by `compatible`: within
 * `BACKGROUND_DAYS` before the report): the same toll of at least `BACKGROUND_MIN_KILLED` and
 * not a round figure, or
 * tolls of at least `BACKGROUND_AGREE_MIN_KILLED` within the agreement ratio. Only a report
 * against an event dated by its own words: two undated reports months apart are not tied so.
 */
export function backgroundTie(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.window === null || b.window === null || a.window.inferred === b.window.inferred) return false;
  if (a.killed === null || b.killed === null) return false;
  const lo = Math.min(a.killed, b.killed);
  const hi = Math.max(a.killed, b.killed);
  // a round figure ("at least 100", "some 70") is an estimate that recurs; a count (58, 87) names one toll
  return (
    (lo === hi && lo >= BACKGROUND_MIN_KILLED && lo % 10 !== 0) ||
    (lo >= BACKGROUND_AGREE_MIN_KILLED && hi <= lo * FIGURE_AGREE_RATIO)
  );
}

/**
 * One report's vague toll ("dozens killed") and the other's count that the word covers (27,
 * within "dozens", 24–99): competing figures of one event, as agreeing as two counts within 25%.
 * Only as evidence between reports that are already compatible; a count outside the range parts
 * nothing ("dozens" is a reporter's word, not a bound).
 */
export function vagueTollMet(a: MentionFeatures, b: MentionFeatures): boolean {
  const [vague, exact] = a.vagueKilled !== null ? [a, b] : [b, a];
  const range = vague.vagueKilled;
  return range !== null && exact.killed !== null && exact.killed >= range.low && exact.killed <= range.high;
}

/**
 * An uncommon kind (`UNCOMMON_KINDS`: a bombing) dated to the day by one report and reported,
 * undated, at a place nesting with it by another whose news window holds that day: "a car bomb
 * in al-Rashidin on Saturday" and Sunday's "the bomb attack on the convoy outside Aleppo". Called
 * once the pair is compatible (same kind checked by the caller).
 */
function uncommonKindReported(a: MentionFeatures, b: MentionFeatures): boolean {
  if (!UNCOMMON_KINDS.includes(a.mention.kind) || a.window === null || b.window === null) return false;
  if (a.window.inferred === b.window.inferred) return false;
  const [dated, reported] = a.window.inferred ? [b, a] : [a, b];
  const occurred = dated.mention.occurred;
  if (occurred.precision !== 'day' || occurred.start === null) return false;
  const news = newsWindow(reported.window as DayWindow);
  const day = dayNumber(occurred.start);
  return day >= news.from && day <= news.to;
}

/** Both give the same killed figure, high enough not to be a coincidence. */
export function sameToll(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.killed !== null && a.killed === b.killed && a.killed >= FINGERPRINT_MIN_KILLED;
}

/**
 * An article that names two events means two events, unless it simply goes on about one:
 * headline, standfirst and body repeat the same toll (one of them without its date), or a
 * later sentence adds to the event without a toll of its own ("medics said the victims bore
 * the signs of a gas attack"). Two tolls that differ are two events; so are two kinds. The
 * other rules (days, places, sides) still apply.
 */
function sameArticleRepeat(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.killed !== null && b.killed !== null)
    return (tollMetAsFloor(a, b) || partOfTheToll(a, b)) && kindsCompatible(a.mention.kind, b.mention.kind);
  return a.mention.kind === b.mention.kind || rareNamedTwice(a, b) || genericNamedAgain(a, b);
}

/**
 * "The attack" in an article that reports an air strike is that air strike named again: a
 * kind that names no means (`GENERIC_KINDS`) beside the article's specific kind on the same
 * days, at nested places, one of them without a toll, is one event.
 */
function genericNamedAgain(a: MentionFeatures, b: MentionFeatures): boolean {
  return (
    GENERIC_KINDS.includes(a.mention.kind) !== GENERIC_KINDS.includes(b.mention.kind) &&
    (a.mention.kind === 'attack' || b.mention.kind === 'attack') &&
    sameDays(a, b) &&
    // an unplaced "attack" may be any incident the article recalls ("some 1,200 killed" on 7 October)
    placesNested(a, b)
  );
}

/** Both windows are the same days (the article dates both alike, or dates neither). */
function sameDays(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.window === null || b.window === null) return a.window === b.window;
  const wa = newsWindow(a.window);
  const wb = newsWindow(b.window);
  if (wa.from === wb.from && wa.to === wb.to) return true;
  // one of them has no date of its own, and the article dates the other to its report's day
  // ("killed 58 on Tuesday" and "the air strike" in Tuesday's story): the same days
  if (a.window.inferred === b.window.inferred) return false;
  const [dated, reported] = a.window.inferred ? [b, a] : [a, b];
  const occurred = dated.mention.occurred;
  return (
    occurred.precision === 'day' &&
    occurred.start !== null &&
    occurred.start === occurred.end &&
    dayNumber(occurred.start) === (reported.window as DayWindow).to
  );
}

/**
 * One article's two tolls of one event: the same figure, or a floor ("more than 50", "at least
 * 50") that the other figure meets within the agreement ratio — the lead's round "more than 50"
 * and the body's count of 58. Two exact figures that differ are two events.
 */
function tollMetAsFloor(a: MentionFeatures, b: MentionFeatures): boolean {
  const ka = a.killed as number;
  const kb = b.killed as number;
  if (ka === kb) return true;
  const [lo, hi] = ka < kb ? [a, b] : [b, a];
  const qualifier = lo.mention.casualties.killed?.qualifier;
  return (
    (qualifier === 'at_least' || qualifier === 'more_than') &&
    (hi.killed as number) <= (lo.killed as number) * FIGURE_AGREE_RATIO
  );
}

/**
 * One article's count of a group among the dead and its toll of all of them: "some 80 people
 * were killed" and UNICEF's "27 children" are one attack's victims, not a second attack. The
 * group's count is below the toll it is part of.
 */
function partOfTheToll(a: MentionFeatures, b: MentionFeatures): boolean {
  const [lo, hi] = (a.killed as number) < (b.killed as number) ? [a, b] : [b, a];
  const part = lo.mention.casualties.killed?.group;
  const whole = hi.mention.casualties.killed?.group;
  return (
    (lo.killed as number) < (hi.killed as number) &&
    part !== undefined &&
    PART_GROUPS.has(part) &&
    (whole === 'people' || whole === 'civilians')
  );
}

/**
 * One article naming a rare attack twice in different words: "a chemical attack" and "air
 * strikes that released toxic gas" (or "the attack") at nested places. An article reports a
 * chemical attack with the means it was delivered by; it is not a second event beside it.
 */
function rareNamedTwice(a: MentionFeatures, b: MentionFeatures): boolean {
  const rare = RARE_KINDS.includes(a.mention.kind) || RARE_KINDS.includes(b.mention.kind);
  return (
    rare &&
    kindsCompatible(a.mention.kind, b.mention.kind) &&
    (a.placeLine.length === 0 || b.placeLine.length === 0 || placesNested(a, b))
  );
}

function sameArticle(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.mention.articleId === b.mention.articleId;
}

export function compatible(a: MentionFeatures, b: MentionFeatures): boolean {
  if (sameArticle(a, b) && !sameArticleRepeat(a, b)) return false;
  if (sharesQuote(a, b)) return !datesConflict(a, b);
  return compatibleUnquoted(a, b, figureRatio(a, b));
}

/** `compatible` for two mentions that share no quote, their figure ratio already worked out. */
function compatibleUnquoted(a: MentionFeatures, b: MentionFeatures, ratio: number | null): boolean {
  return (
    a.family === b.family &&
    kindsCompatible(a.mention.kind, b.mention.kind) &&
    !datesConflict(a, b) &&
    (a.placeLine.length === 0 || b.placeLine.length === 0 || placesNested(a, b)) &&
    // a Security Council vote and a General Assembly vote are two votes, whatever the day
    (a.voteBody === null || b.voteBody === null || a.voteBody === b.voteBody) &&
    // extraction sometimes names the wrong perpetrator; the same toll outweighs it
    (!perpetratorsDisjoint(a, b) || sameToll(a, b)) &&
    // tolls rise as bodies are found, but not sixfold: 6 dead and 120 dead are two events
    !((ratio ?? 1) > FIGURE_CONFLICT_RATIO)
  );
}

// `linked` is `compatible` plus evidence. It runs for every candidate pair, so it walks the
// rules once: the quote test, the figure ratio and the place test are each made once per pair.
export function linked(a: MentionFeatures, b: MentionFeatures): boolean {
  const one = sameArticle(a, b);
  if (one && !sameArticleRepeat(a, b)) return false;
  // a shared quote is evidence enough, when the dates allow it
  if (sharesQuote(a, b)) return !datesConflict(a, b);
  const ratio = figureRatio(a, b);
  if (!compatibleUnquoted(a, b, ratio)) return false;
  // the article going on about its event is evidence enough; so is a vote's exact split, even
  // where one report gives no date ("voted 122 to 13 on December 9", no year)
  if (one || sameTally(a, b)) return true;
  if (a.window === null || b.window === null) return false;
  // an undated report reaching back to an earlier incident: only its toll ties it there
  if (!windowsOverlap(newsWindow(a.window), newsWindow(b.window))) return backgroundTie(a, b);
  // a chemical attack in one country on overlapping days is one attack
  if (sameRareKind(a, b)) return true;
  // "in northern Syria" places nothing: only the same toll on the same days ties such a report.
  if (a.placeLine.length === 0 || b.placeLine.length === 0) return sameToll(a, b);
  // both are placed, so compatibleUnquoted has already found the places nested
  const sameKind = a.mention.kind === b.mention.kind;
  const figuresAgree = (ratio !== null && ratio <= FIGURE_AGREE_RATIO) || vagueTollMet(a, b);
  // A mention dated only by its report happened on or before that day: a matching figure ties
  // it; so does the same kind at the very same place when no figure disagrees (one gives none).
  if (a.window.inferred || b.window.inferred)
    return (
      figuresAgree ||
      (sameKind && ratio === null && (a.placeLine[0] === b.placeLine[0] || uncommonKindReported(a, b)))
    );
  const sameDay =
    a.mention.occurred.precision === 'day' &&
    b.mention.occurred.precision === 'day' &&
    a.mention.occurred.start === b.mention.occurred.start &&
    a.mention.occurred.end === b.mention.occurred.end;
  // "a strike in Idlib province killed 18" and "a strike on Khan Sheikhoun" (no toll) may be two
  // of the province's strikes that day: across places of different size only agreeing details
  // tie them, the same toll, or the same kind on the same day where neither gives one
  if (a.placeLine[0] !== b.placeLine[0] && a.toll !== b.toll) return false;
  // the same kind on overlapping days; or a kind that may name the same event, on the same day or with the same toll
  return sameKind || figuresAgree || sameDay;
}
