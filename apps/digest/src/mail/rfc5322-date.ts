/**
 * An RFC 5322 Date header in the subscriber's own time zone ("Fri, 09 Dec 2016 08:00:00 +0200"):
 * the same instant as UTC, written the way their own mail would be.
 */
const parts = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    parts.set(timeZone, f);
  }
  return f;
}

export function rfc5322Date(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  // "GMT+02:00" → "+0200"; plain "GMT" is UTC.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(p['timeZoneName'] ?? '');
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : '+0000';
  return `${p['weekday']}, ${p['day']} ${p['month']} ${p['year']} ${p['hour']}:${p['minute']}:${p['second']} ${zone}`;
}
