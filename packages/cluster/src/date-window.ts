import type { EventMention } from './event-mention.ts';

/** Inclusive window of day numbers (days since 1970-01-01, UTC). */
export interface DayWindow {
  from: number;
  to: number;
  /** true when the window comes from the publication date, not from the event's own date */
  inferred: boolean;
}

const DAY_MS = 86_400_000;

/** Windows longer than this are too vague to block on: such mentions link only through quotes. */
export const MAX_BLOCK_DAYS = 62;

/**
 * Reports resolve "on Thursday" against their own date line and sometimes land a day off,
 * so day- and week-precise windows get one day of slack on either side.
 */
const SLACK_DAYS = 1;

/** An undated event in a dated article is news: it happened on the day of publication or just before. */
const UNDATED_LOOKBACK_DAYS = 2;

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The days a mention's event could have happened on, or null when nothing dates it. */
export function mentionWindow(m: Pick<EventMention, 'occurred' | 'publishedAt'>): DayWindow | null {
  const { start, end, precision } = m.occurred;
  if (start !== null && end !== null && precision !== 'unknown') {
    const slack = precision === 'day' || precision === 'week' ? SLACK_DAYS : 0;
    return { from: dayNumber(start) - slack, to: dayNumber(end) + slack, inferred: false };
  }
  if (m.publishedAt.date !== null && m.publishedAt.precision === 'day') {
    const pub = dayNumber(m.publishedAt.date);
    return { from: pub - UNDATED_LOOKBACK_DAYS, to: pub, inferred: true };
  }
  return null;
}

export function windowsOverlap(a: DayWindow, b: DayWindow): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function blockable(w: DayWindow | null): w is DayWindow {
  return w !== null && w.to - w.from + 1 <= MAX_BLOCK_DAYS;
}
