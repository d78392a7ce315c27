/**
 * A subscriber's settings as a person gives them — a sign-up form, the preferences page, the
 * `subscribe` mutation — checked in one place. Every problem is reported at once, each naming
 * the field and what to write instead.
 */
import { EVENT_KINDS } from '@sitrep/schema/event-kinds';
import type { Cadence, StoredFilters, SubscriberInput } from '@sitrep/store/store';

export const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const MAX_LIST = 50;
const MAX_TEXT = 200;

/** the taxonomy's families ("violence"…): a filter on one follows all its kinds */
export const FAMILY_CHOICES: readonly string[] = [...new Set(EVENT_KINDS.map((k) => k.family))];
export const KIND_CHOICES: readonly string[] = [...FAMILY_CHOICES, ...EVENT_KINDS.map((k) => k.kind)];

const BY_LABEL = new Map(EVENT_KINDS.map((k) => [k.label.toLowerCase(), k.kind as string]));

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Fields as they arrive: strings from a form (lists split on `,` or `;`), or typed values. */
export interface RawSubscriberFields {
  email?: unknown;
  name?: unknown;
  timezone?: unknown;
  sendHour?: unknown;
  cadence?: unknown;
  kinds?: unknown;
  countries?: unknown;
  places?: unknown;
  actors?: unknown;
  minKilled?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function list(name: string, value: unknown, problems: string[]): string[] {
  const items = Array.isArray(value)
    ? value.flatMap((v) => (typeof v === 'string' ? v.split(/[,;]/) : []))
    : typeof value === 'string'
      ? value.split(/[,;]/)
      : [];
  const out = [...new Set(items.map((v) => v.trim()).filter(Boolean))];
  if (out.length > MAX_LIST) problems.push(`${name}: at most ${MAX_LIST} entries`);
  if (out.some((v) => v.length > MAX_TEXT))
    problems.push(`${name}: each entry at most ${MAX_TEXT} characters`);
  return out;
}

function wholeNumber(
  name: string,
  value: unknown,
  min: number,
  max: number,
  problems: string[],
): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(text(value));
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}: "${String(value)}" is not a whole number from ${min} to ${max}`);
    return null;
  }
  return n;
}

export type FieldCheck = { ok: true; subscriber: SubscriberInput } | { ok: false; problems: string[] };

/** Checks every field; `email` is required, the rest default (UTC, 07:00, daily, everything). */
export function checkSubscriberFields(raw: RawSubscriberFields): FieldCheck {
  const problems: string[] = [];
  const email = text(raw.email);
  if (!EMAIL.test(email) || email.length > 254)
    problems.push(`email: "${email}" is not an email address; write it as name@example.org`);
  const name = text(raw.name);
  if (name.length > MAX_TEXT) problems.push(`name: at most ${MAX_TEXT} characters`);
  const timezone = text(raw.timezone) || 'UTC';
  if (!isTimeZone(timezone))
    problems.push(`timezone: "${timezone}" is not an IANA time zone; write e.g. Europe/London or UTC`);
  const cadence = text(raw.cadence) || 'daily';
  if (cadence !== 'daily' && cadence !== 'weekly')
    problems.push(`cadence: "${cadence}" is not daily or weekly`);
  const sendHour = wholeNumber('sendHour', raw.sendHour, 0, 23, problems) ?? 7;
  // a kind by its name ("airstrike") or its label as the digest prints it ("Air strike")
  const kinds = list('kinds', raw.kinds, problems).map(
    (k) => BY_LABEL.get(k.toLowerCase()) ?? k.toLowerCase(),
  );
  const unknown = kinds.filter((k) => !KIND_CHOICES.includes(k));
  if (unknown.length)
    problems.push(
      `kinds: ${unknown.map((k) => `"${k}"`).join(', ')} not in the taxonomy; use e.g. airstrike or violence`,
    );
  const filters: StoredFilters = {
    kinds,
    countries: list('countries', raw.countries, problems),
    places: list('places', raw.places, problems),
    actors: list('actors', raw.actors, problems),
    minKilled: wholeNumber('minKilled', raw.minKilled, 0, 1_000_000, problems),
  };
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    subscriber: { email, name, timezone, sendHour, cadence: cadence as Cadence, filters },
  };
}
