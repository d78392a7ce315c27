import { windowsOverlap } from './date-window.ts';
import { kindsCompatible } from './kind-groups.ts';
import type { MentionFeatures } from './mention-features.ts';
import { quotesNearIdentical } from './quote-text.ts';

/**
 * The pairwise rules. `compatible` is what can never be violated inside one cluster;
 * `linked` adds the positive evidence needed to join two mentions. Both are symmetric and
 * look only at the two mentions, so clusters do not depend on the order of ingestion.
 */

/** Killed figures further apart than this ratio are two events (tolls rise, but not sixfold). */
const FIGURE_CONFLICT_RATIO = 6;
/** Killed figures within this ratio agree. */
const FIGURE_AGREE_RATIO = 1.25;

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

/** Both give the same killed figure, high enough not to be a coincidence. */
export function sameToll(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.killed !== null && a.killed === b.killed && a.killed >= FINGERPRINT_MIN_KILLED;
}

/**
 * An article that names two events means two events, unless it simply repeats one (headline,
 * standfirst and body often give the same toll, one of them without its date).
 */
function sameArticleRepeat(a: MentionFeatures, b: MentionFeatures): boolean {
  return a.killed !== null && a.killed === b.killed && kindsCompatible(a.mention.kind, b.mention.kind);
}

export function compatible(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.mention.articleId === b.mention.articleId && !sameArticleRepeat(a, b)) return false;
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
    // extraction sometimes names the wrong perpetrator; the same toll outweighs it
    (!perpetratorsDisjoint(a, b) || sameToll(a, b)) &&
    // tolls rise as bodies are found, but not sixfold: 6 dead and 120 dead are two events
    !((ratio ?? 1) > FIGURE_CONFLICT_RATIO)
  );
}

// `linked` is `compatible` plus evidence. It runs for every candidate pair, so it walks the
// rules once: the quote test, the figure ratio and the place test are each made once per pair.
export function linked(a: MentionFeatures, b: MentionFeatures): boolean {
  if (a.mention.articleId === b.mention.articleId && !sameArticleRepeat(a, b)) return false;
  // a shared quote is evidence enough, when the dates allow it
  if (sharesQuote(a, b)) return !datesConflict(a, b);
  const ratio = figureRatio(a, b);
  if (!compatibleUnquoted(a, b, ratio)) return false;
  if (a.window === null || b.window === null) return false;
  // "in northern Syria" places nothing: only the same toll on the same days ties such a report.
  if (a.placeLine.length === 0 || b.placeLine.length === 0) return sameToll(a, b);
  // both are placed, so compatibleUnquoted has already found the places nested
  const sameKind = a.mention.kind === b.mention.kind;
  const figuresAgree = ratio !== null && ratio <= FIGURE_AGREE_RATIO;
  // Undated mentions borrow a window from their article: only a matching figure ties them.
  if (a.window.inferred || b.window.inferred) return figuresAgree;
  const sameDay =
    a.mention.occurred.precision === 'day' &&
    b.mention.occurred.precision === 'day' &&
    a.mention.occurred.start === b.mention.occurred.start &&
    a.mention.occurred.end === b.mention.occurred.end;
  // the same kind on overlapping days; or a kind that may name the same event, on the same day or with the same toll
  return sameKind || figuresAgree || sameDay;
}
