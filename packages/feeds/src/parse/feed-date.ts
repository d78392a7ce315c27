/** A feed's timestamp read two ways: the instant, and the calendar day where it was written. */
export interface FeedDate {
  /** ISO 8601 in UTC */
  instant: string;
  /** YYYY-MM-DD in the offset the feed states: the outlet's own day, not Greenwich's */
  day: string;
}

const ZONE = /(?:([+-])(\d{2}):?(\d{2})|(Z)|\b(UTC?|GMT|[ECMP][SD]T))\s*$/i;
const NAMED: Record<string, number> = {
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/**
 * RSS's RFC 822 dates ("Tue, 10 Jun 2025 23:30:00 +0300"), Atom's and JSON Feed's RFC 3339
 * ("2025-06-10T23:30:00+03:00") and Dublin Core's W3CDTF. A report published at 23:30 in
 * Khartoum belongs to that day, even though it is already tomorrow in UTC: the day is read in
 * the stated offset. Null for anything unreadable, never a guess.
 */
export function parseFeedDate(value: string | null | undefined): FeedDate | null {
  const text = value?.trim();
  if (!text) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const zone = ZONE.exec(text);
  // A date-only value ("2025-06-10") is a calendar day already; Date.parse reads it as UTC.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { instant: new Date(ms).toISOString(), day: text };
  let offsetMinutes: number | null = null;
  if (zone?.[1]) offsetMinutes = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
  else if (zone?.[4] || zone?.[5]) offsetMinutes = NAMED[(zone[5] ?? '').toUpperCase()] ?? 0;
  // No zone at all: Date.parse took it as this machine's local time, which is how it was written.
  const local = offsetMinutes === null ? localDay(ms) : utcDay(ms + offsetMinutes * 60_000);
  // Online news begins in the 1990s; an earlier year is a placeholder ("0001-01-01"), not a date.
  if (!/^(?:199\d|2[01]\d\d)-/.test(local)) return null;
  return { instant: new Date(ms).toISOString(), day: local };
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
