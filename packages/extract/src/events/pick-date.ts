import type { Occurred } from '@sitrep/schema/event';
import { isDaysAfter } from '../dates/days-after.ts';
import type { DateMention } from '../dates/find-date-mentions.ts';
import type { Trigger } from './event-triggers.ts';

/** A date mention with its offsets in the sentence. */
export interface LocalDate {
  mention: DateMention;
  start: number;
  end: number;
  /** "said Thursday", "told reporters on December 9": when it was said, not when it happened */
  statement: boolean;
}

const SAID_BEFORE =
  /\b(?:said|says|told|added|announced|reported|confirmed|expressed concern)(?:\s+(?:reporters|journalists|CNN|Reuters))?\s*(?:on\s+)?$/i;
/** "the deadliest strikes since Washington began its campaign last month": after the event's words, the date a comparison reaches back to */
const COMPARED_SINCE =
  /\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|first|most [\w-]+)\b[^,;.]{0,40}\bsince\b[^,;.]{0,60}$/i;
const OTHER_CLAUSE = /\b(?:before|after|until|since|which|who|when|while|whereas)\b/i;
const FUTURE = /\b(?:will|would|to meet|plans? to|is due to|are due to)\b/i;

export function localDates(
  text: string,
  mentions: readonly DateMention[],
  toOriginal: (o: number) => number,
): LocalDate[] {
  let from = 0;
  return mentions.map((mention) => {
    let start = text.indexOf(mention.text, from);
    if (start < 0)
      start = Math.max(
        0,
        [...text].findIndex((_c, i) => toOriginal(i) >= mention.span.start),
      );
    from = start + mention.text.length;
    return {
      mention,
      start,
      end: start + mention.text.length,
      statement: SAID_BEFORE.test(text.slice(Math.max(0, start - 60), start)),
    };
  });
}

function occurredFrom(
  d: LocalDate,
  tense: Occurred['tense'],
  reason: string | null,
  reported = false,
): Occurred {
  const m = d.mention;
  const said: Occurred['tense'] = m.tense === 'scheduled' ? 'scheduled' : tense;
  // "the Observatory said on Tuesday": Tuesday is when it was reported, the event on or before it
  const byReport = reported && m.start !== null && m.start === m.end && said === 'past';
  return {
    start: m.start,
    end: m.end,
    precision: m.start ? (byReport ? 'reported' : m.precision) : 'unknown',
    tense: said,
    text: m.text,
    reason: m.start ? reason : (m.reason ?? `"${m.text}" could not be resolved to a calendar date`),
  };
}

/** The date mention tied to the event at [at, end) in the sentence, or null dates with the reason. */
export function pickDate(
  text: string,
  at: number,
  end: number,
  dates: readonly LocalDate[],
  trigger: Trigger,
): Occurred {
  const tense: Occurred['tense'] = FUTURE.test(text.slice(Math.max(0, at - 30), end)) ? 'scheduled' : 'past';
  // "The airstrikes came a day after the White House said ...": that mention dates what follows it
  const events = dates.filter(
    (d) =>
      !d.statement &&
      !(d.start >= end && isDaysAfter(d.mention.text)) &&
      !(d.start >= end && COMPARED_SINCE.test(text.slice(end, d.start))) &&
      // "The blast hit Salaheddin, on the front line before the army retook the city in December":
      // a month or a year after a clause of its own dates that clause's verb, not the event
      !(d.start >= end && d.mention.precision !== 'day' && OTHER_CLAUSE.test(text.slice(end, d.start))),
  );
  const said = dates.find((d) => d.statement);
  const after = events.find((d) => d.start >= end);
  const before = [...events].reverse().find((d) => d.end <= at);
  let chosen: LocalDate | undefined;
  if (trigger.date === 'statement') chosen = said ?? after ?? before;
  else if (trigger.date === 'after') chosen = after;
  else chosen = after ?? before;
  if (chosen) return occurredFrom(chosen, tense, null);
  if (said && trigger.date !== 'after')
    return occurredFrom(
      said,
      tense,
      'the date the report was made; the event happened on or before it',
      true,
    );
  return {
    start: null,
    end: null,
    precision: 'unknown',
    tense,
    text: null,
    reason: 'the sentence gives no date for this event',
  };
}
