import type { EventKind } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { Measure } from '@sitrep/schema/quantity';
import data from '../../data/event-triggers.json' with { type: 'json' };

/** One phrase family that signals an event kind (data/event-triggers.json says where they come from). */
export interface Trigger {
  kind: EventKind;
  pattern: RegExp;
  /** which date mention dates the event: nearest the trigger, only after it, or the statement's */
  date: 'near' | 'after' | 'statement';
  /** false when the sentence's places say where it was said, not where it happened */
  place: boolean;
  /** location only from the same sentence (talks are not "in Aleppo" because the article is) */
  localOnly: boolean;
  needs: Measure[] | null;
  /** false when a count in the sentence belongs to another mention ("including a draft ...") */
  counts: boolean;
}

export const TRIGGERS: readonly Trigger[] = data.triggers.map((t) => ({
  kind: t.kind as EventKind,
  pattern: new RegExp(t.pattern, 'i'),
  date: (t.date ?? 'near') as Trigger['date'],
  place: t.place ?? true,
  localOnly: t.diplomacy ?? eventKindInfo(t.kind as EventKind).family === 'diplomacy',
  needs: (t.needs ?? null) as Measure[] | null,
  counts: t.counts ?? true,
}));

/**
 * Whether any trigger matches `text`: one pass of all the patterns together, so the two
 * sentences in three that name no event skip the one-by-one search. Every pattern starts at a
 * word boundary; with that `\b` in front of the alternatives once rather than inside each, the
 * engine tries them only where a word starts (half the time of the plain alternation).
 */
const WORD_START = '\\b';
const sources = TRIGGERS.map((t) => t.pattern.source);
const ANY_TRIGGER = sources.every((s) => s.startsWith(WORD_START))
  ? new RegExp(`${WORD_START}(?:${sources.map((s) => `(?:${s.slice(WORD_START.length)})`).join('|')})`, 'i')
  : new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'i');
export const mayHoldTrigger = (text: string): boolean => ANY_TRIGGER.test(text);

const ANY_TRIGGER_AT = new RegExp(ANY_TRIGGER.source, 'gi');
const STICKY = TRIGGERS.map((t) => new RegExp(t.pattern.source, 'iy'));

/**
 * Each trigger's first match in `text`, in TRIGGERS order (null where it has none): the same
 * matches as `trigger.pattern.exec(text)` one by one, found in one pass. The alternation of all
 * the patterns, restarted one character after each of its matches, stops at every position
 * where any pattern matches; there each pattern still unmatched is tried anchored (sticky). A
 * pattern's first match starts at the first such position where it matches, and an anchored
 * match at a position is the one its unanchored search returns there. Before, every sentence
 * with a trigger word ran all the patterns over its whole length.
 */
export function firstTriggerMatches(text: string): (RegExpExecArray | null)[] {
  const found: (RegExpExecArray | null)[] = TRIGGERS.map(() => null);
  let left = TRIGGERS.length;
  ANY_TRIGGER_AT.lastIndex = 0;
  for (let hit = ANY_TRIGGER_AT.exec(text); hit && left > 0; hit = ANY_TRIGGER_AT.exec(text)) {
    for (let k = 0; k < STICKY.length; k++) {
      if (found[k]) continue;
      const sticky = STICKY[k] as RegExp;
      sticky.lastIndex = hit.index;
      const m = sticky.exec(text);
      if (m) {
        found[k] = m;
        left--;
      }
    }
    ANY_TRIGGER_AT.lastIndex = hit.index + 1;
  }
  return found;
}

export const isViolence = (kind: EventKind): boolean => eventKindInfo(kind).family === 'violence';

/** A bare "strike" of violence, whose means the words around it may name (data/event-triggers.json). */
export const STRIKE = new RegExp(data.strike.pattern, 'i');
/** Another word for an incident in the sentence: its toll may be that incident's, not the strike's. */
export const OTHER_INCIDENT = new RegExp(data.strike.otherIncident, 'i');
/** The words naming each means of remote violence, by the kind they make of a bare strike. */
export const STRIKE_MEANS: readonly { kind: EventKind; pattern: RegExp }[] = Object.entries(
  data.strike.means,
).map(([kind, pattern]) => ({ kind: kind as EventKind, pattern: new RegExp(pattern, 'i') }));
