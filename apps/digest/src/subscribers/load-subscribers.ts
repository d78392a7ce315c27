/**
 * Subscribers from a JSON array or a CSV file with a header row. CSV list columns (kinds,
 * places, actors) hold values separated by `;`. Every row is checked; all problems are
 * reported together with their row, so a list with ten typos needs one fix-up round, not ten.
 */
import { readFile } from 'node:fs/promises';
import { unknownPlaceProblem, unknownPlaces } from '@sitrep/mailing-list/known-places';
import { BadInputError } from '@sitrep/schema/errors';
import { EVENT_KINDS } from '@sitrep/schema/event-kinds';
import type { SitrepStore } from '@sitrep/store/store';
import { parse } from 'csv-parse/sync';
import type { Subscriber } from './subscriber.ts';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function list(value: unknown, where: string, problems: string[]): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => v.trim());
  problems.push(`${where}: expected a list of names`);
  return [];
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

function wholeNumber(
  value: unknown,
  where: string,
  min: number,
  max: number,
  problems: string[],
): number | null {
  if (!present(value)) return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  problems.push(`${where}: "${String(value)}" is not a whole number from ${min} to ${max}`);
  return null;
}

/** Kinds and families as the taxonomy names them, lower-case: what a kind filter can match. */
const KIND_NAMES = new Set(EVENT_KINDS.flatMap((k) => [k.kind.toLowerCase(), k.family.toLowerCase()]));

/**
 * A kind filter naming no kind or family matched nothing, so its subscriber silently got no
 * news ("airstrik"); it is reported with the rows' other problems.
 */
function knownKinds(kinds: string[], where: string, problems: string[]): string[] {
  for (const kind of kinds)
    if (!KIND_NAMES.has(kind.toLowerCase()))
      problems.push(
        `${where}: "${kind}" is not an event kind or family (kinds such as airstrike, shelling, un_vote; families ${[...new Set(EVENT_KINDS.map((k) => k.family))].join(', ')})`,
      );
  return kinds;
}

function toSubscriber(raw: Record<string, unknown>, where: string, problems: string[]): Subscriber | null {
  const email = typeof raw['email'] === 'string' ? raw['email'].trim() : '';
  const before = problems.length;
  if (!EMAIL.test(email)) problems.push(`${where}: "${email}" is not an email address`);
  const timezone =
    typeof raw['timezone'] === 'string' && raw['timezone'].trim() ? raw['timezone'].trim() : 'UTC';
  if (!isTimeZone(timezone))
    problems.push(`${where}: "${timezone}" is not an IANA time zone (e.g. Europe/London)`);
  const filters =
    raw['filters'] && typeof raw['filters'] === 'object' ? (raw['filters'] as Record<string, unknown>) : raw;
  const subscriber: Subscriber = {
    name: typeof raw['name'] === 'string' ? raw['name'].trim() : '',
    email,
    timezone,
    filters: {
      kinds: knownKinds(list(filters['kinds'], `${where} kinds`, problems), `${where} kinds`, problems),
      places: list(filters['places'], `${where} places`, problems),
      actors: list(filters['actors'], `${where} actors`, problems),
    },
  };
  // The columns the store keeps beyond the original format, each optional.
  if (present(filters['countries']))
    subscriber.filters.countries = list(filters['countries'], `${where} countries`, problems);
  const minKilled = wholeNumber(
    filters['minKilled'] ?? filters['min_killed'],
    `${where} minKilled`,
    0,
    1e6,
    problems,
  );
  if (minKilled !== null) subscriber.filters.minKilled = minKilled;
  const sendHour = wholeNumber(raw['sendHour'] ?? raw['send_hour'], `${where} sendHour`, 0, 23, problems);
  if (sendHour !== null) subscriber.sendHour = sendHour;
  if (present(raw['cadence'])) {
    const cadence = String(raw['cadence']).trim();
    if (cadence === 'daily' || cadence === 'weekly') subscriber.cadence = cadence;
    else problems.push(`${where}: cadence "${cadence}" is not daily or weekly`);
  }
  return problems.length === before ? subscriber : null;
}

export function parseSubscribers(text: string, format: 'json' | 'csv', source: string): Subscriber[] {
  let rows: unknown;
  try {
    rows =
      format === 'json'
        ? JSON.parse(text)
        : parse(text, { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new BadInputError(
      source,
      `cannot be read as ${format.toUpperCase()}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (!Array.isArray(rows)) throw new BadInputError(source, 'expected a JSON array of subscribers');
  const problems: string[] = [];
  const seen = new Set<string>();
  const subscribers: Subscriber[] = [];
  for (const [i, row] of rows.entries()) {
    const where = format === 'csv' ? `row ${i + 2}` : `entry ${i + 1}`;
    if (!row || typeof row !== 'object') {
      problems.push(`${where}: expected an object`);
      continue;
    }
    const s = toSubscriber(row as Record<string, unknown>, where, problems);
    if (!s) continue;
    const key = s.email.toLowerCase();
    if (seen.has(key)) {
      problems.push(`${where}: ${s.email} is listed twice`);
      continue;
    }
    seen.add(key);
    subscribers.push(s);
  }
  if (problems.length)
    throw new BadInputError(
      source,
      `fix these subscriber entries and run again:\n  - ${problems.join('\n  - ')}`,
    );
  return subscribers;
}

export async function loadSubscribers(path: string): Promise<Subscriber[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BadInputError(path, `cannot read the subscriber file (${error.code ?? error.message})`, {
      cause: error,
    });
  });
  return parseSubscribers(text, path.toLowerCase().endsWith('.csv') ? 'csv' : 'json', path);
}

/**
 * Refuses a subscriber list whose place filters name places Sitrep does not know (see
 * @sitrep/mailing-list/known-places), naming each subscriber and place, as the file's other
 * problems are: such a subscriber silently got nothing. Needs the store, so it runs once the
 * command has opened it.
 */
export async function checkPlaces(
  subscribers: readonly Subscriber[],
  store: Pick<SitrepStore, 'findPlaceIds'>,
  source: string,
): Promise<void> {
  const problems: string[] = [];
  for (const s of subscribers)
    for (const name of await unknownPlaces(store, s.filters.places))
      problems.push(unknownPlaceProblem(s.email, name));
  if (problems.length)
    throw new BadInputError(
      source,
      `fix these subscriber entries and run again:\n  - ${problems.join('\n  - ')}`,
    );
}
