import { SitrepError } from '@sitrep/schema/errors';
import type { EventKind } from '@sitrep/schema/event';
import { EVENT_KIND_NAMES } from '@sitrep/schema/event-kinds';
import { isChangeCursor } from '@sitrep/store/change-cursor';
import { countryFacts } from './countries.ts';

export const EXPORT_FORMATS = ['acled', 'ucdp', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LEVELS = ['event', 'report'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/** What to export: the same for `sitrep export` and `GET /export/events.*`. */
export interface ExportQuery {
  format: ExportFormat;
  /** `event`: canonical events (one per incident, the default); `report`: every article's report */
  level: ExportLevel;
  /** inclusive YYYY-MM-DD: events whose dates overlap [from, to]; undated events drop out */
  from?: string;
  to?: string;
  /** ISO 3166-1 alpha-2 codes, upper case: events whose place lies in one of these countries */
  countries?: readonly string[];
  kinds?: readonly EventKind[];
  /** a change-feed cursor: only the canonical events created or updated after it */
  since?: string;
}

/** The raw parameters as a person gives them: flags or a URL's query, all text. */
export interface RawExportQuery {
  format?: string | undefined;
  level?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  countries?: string | undefined;
  kinds?: string | undefined;
  since?: string | undefined;
}

const KINDS = new Set<string>(EVENT_KIND_NAMES);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function bad(parameter: string, message: string): SitrepError {
  return new SitrepError('BAD_USER_INPUT', `${parameter}: ${message}`);
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function date(value: string | undefined, parameter: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = ISO_DATE.exec(value);
  const real = m && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!real) throw bad(parameter, `"${value}" is not a date; write YYYY-MM-DD, e.g. 2016-12-01.`);
  return value;
}

/**
 * Checks every parameter and says which one is wrong and what to write instead
 * (SitrepError BAD_USER_INPUT, the message starting with the parameter's name).
 */
export function parseExportQuery(raw: RawExportQuery): ExportQuery {
  const format = raw.format ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw bad('format', `"${format}" is not a format; use one of ${EXPORT_FORMATS.join(', ')}.`);
  const level = raw.level || 'event';
  if (!(EXPORT_LEVELS as readonly string[]).includes(level))
    throw bad(
      'level',
      `"${level}" is not a level; use event (canonical events) or report (every article's report).`,
    );
  const since = raw.since === undefined || raw.since === '' ? undefined : raw.since;
  if (since !== undefined && !isChangeCursor(since))
    throw bad(
      'since',
      `"${since.slice(0, 40)}" is not a cursor Sitrep issued; give the one the last export printed (or the changes query's endCursor), or leave it out to export everything.`,
    );
  if (since !== undefined && level !== 'event')
    throw bad(
      'since',
      'the change feed follows canonical events; drop --level report (or since) to export what changed.',
    );
  const from = date(raw.from, 'from');
  const to = date(raw.to, 'to');
  if (from && to && to < from) throw bad('to', `${to} is before from ${from}; swap them.`);
  const countries = list(raw.countries).map((c) => {
    const known = countryFacts(c);
    if (!known || !/^[A-Za-z]{2}$/.test(c))
      throw bad('countries', `"${c}" is not an ISO 3166-1 alpha-2 country code; write e.g. SY,UA,SD.`);
    return known.iso2;
  });
  const kinds = list(raw.kinds).map((k) => {
    if (!KINDS.has(k))
      throw bad('kinds', `"${k}" is not an event kind; use any of ${EVENT_KIND_NAMES.join(', ')}.`);
    return k as EventKind;
  });
  return {
    format: format as ExportFormat,
    level: level as ExportLevel,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(countries.length ? { countries } : {}),
    ...(kinds.length ? { kinds } : {}),
    ...(since ? { since } : {}),
  };
}

/** A file name that says what is in it: `sitrep-events-acled-2016-12-01_2016-12-31.csv`. */
export function exportFileName(query: ExportQuery): string {
  const parts = ['sitrep', query.level === 'event' ? 'events' : 'reports', query.format];
  if (query.from || query.to) parts.push(`${query.from ?? 'start'}_${query.to ?? 'end'}`);
  if (query.countries?.length) parts.push(query.countries.join('-'));
  if (query.since) parts.push('changes');
  return `${parts.join('-')}.${FILE_EXTENSIONS[query.format]}`;
}

export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  acled: 'csv',
  ucdp: 'csv',
  geojson: 'geojson',
  jsonl: 'jsonl',
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  acled: 'text/csv; charset=utf-8',
  ucdp: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};
