import type { PublishedAt } from '@sitrep/schema/article';
import type { Event } from '@sitrep/schema/event';

/**
 * Publication dates an event may be dated by: the desk's metadata (front matter, a feed, a CSV
 * column, a source's date label) or the article's own dateline. A date inferred from a photo
 * caption or from the latest date in the body only says the article is from that day or later,
 * so it bounds nothing an event could be dated by.
 */
const REPORT_BASES: ReadonlySet<PublishedAt['basis']> = new Set(['metadata', 'dateline']);

/**
 * An event the text gives no date of its own happened on or before the day it was reported.
 * Such events are dated by their report (`precision: 'reported'`, start = end = the publication
 * day), as ACLED codes them by the report's date with a lower time precision, so they can be
 * clustered and shown on the day they can belong to, marked as "reported on" and never as a
 * certain day. Announced events ("will meet") are not dated so: they lie ahead of the report.
 */
export function dateByReport(events: Event[], publishedAt: PublishedAt): Event[] {
  const day = publishedAt.date;
  if (day === null || publishedAt.precision !== 'day' || !REPORT_BASES.has(publishedAt.basis)) return events;
  for (const event of events) {
    const { occurred } = event;
    if (occurred.start !== null || occurred.tense !== 'past') continue;
    event.occurred = {
      ...occurred,
      start: day,
      end: day,
      precision: 'reported',
      reason: `${occurred.reason ?? 'the text gives no date for this event'}; dated by its report of ${day}, on or before which it happened`,
    };
  }
  return events;
}
