import type { ExportActor, ExportRow } from '../export-row.ts';
import { acledTypes, spanDays } from './acled-codes.ts';
import { type CsvValue, csvWriter } from './csv-writer.ts';
import type { FormatWriter } from './format-writer.ts';

/** UCDP GED's columns in GED's order (UCDP GED Codebook version 23.1, section 3). */
export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

const ARMED = new Set(['rebel_group', 'political_militia', 'identity_militia', 'external_forces']);

/**
 * UCDP's type of violence: 1 state-based (a state's forces on one side), 2 non-state (organised
 * armed groups on both sides, no state), 3 one-sided (an organised actor against civilians).
 * Null for what UCDP does not code (no violence, or sides that say too little).
 */
export function typeOfViolence(row: ExportRow): 1 | 2 | 3 | null {
  if (row.family !== 'violence') return null;
  const all = [...row.perpetrators, ...row.targets];
  if (
    row.targets.some((t) => t.category === 'civilians') ||
    acledTypes(row).eventType === 'Violence against civilians'
  )
    return 3;
  if (all.some((a) => a.category === 'state_forces')) return 1;
  const armed = (xs: readonly ExportActor[]) => xs.some((a) => a.category && ARMED.has(a.category));
  if (armed(row.perpetrators) && armed(row.targets)) return 2;
  return null;
}

/**
 * UCDP's `where_prec`: 1 the place itself, 2 within about 25 km of it, 3 only the second-order
 * division, 4 only the first-order division, 6 only the country; null when unplaced.
 */
export function wherePrecision(row: ExportRow): number | null {
  const precision = row.location?.precision;
  if (!precision || precision === 'unknown' || precision === 'region') return null;
  if (precision === 'country') return 6;
  if (precision === 'governorate') return 4;
  if (row.place?.kind === 'district') return 3;
  return row.location?.geoPrecision === 2 ? 2 : 1;
}

/** UCDP's `date_prec`: 1 the day, 2 within 2–6 days, 3 a week, 4 within a month, 5 longer. */
export function datePrecision(row: ExportRow): number | null {
  if (!row.start) return null;
  if (row.precision === 'year') return 5;
  if (row.precision === 'month') return 4;
  if (row.precision === 'week' || row.precision === 'reported') return 3;
  const days = spanDays(row.start, row.end) ?? 1;
  return days <= 1 ? 1 : days <= 6 ? 2 : days <= 7 ? 3 : days <= 31 ? 4 : 5;
}

/** PRIO-GRID cell (0.5° × 0.5°, numbered from 1 at 90°S 180°W, row by row eastward). */
export function priogridCell(lat: number | null, lon: number | null): number | null {
  if (lat === null || lon === null) return null;
  const row = Math.min(359, Math.floor((lat + 90) / 0.5));
  const col = Math.min(719, Math.floor((lon + 180) / 0.5));
  return row * 720 + col + 1;
}

const list = (values: readonly (string | null)[]) => values.map((v) => v ?? '').join(';') || null;

export function ucdpRecord(row: ExportRow): Record<(typeof UCDP_COLUMNS)[number], CsvValue> {
  const type = typeOfViolence(row);
  // The state's side is side A in state-based violence, as in GED.
  const stateFirst = type === 1 && !row.perpetrators.some((p) => p.category === 'state_forces');
  const [a, b] = stateFirst ? [row.targets, row.perpetrators] : [row.perpetrators, row.targets];
  const lat = row.place?.lat ?? null;
  const lon = row.place?.lon ?? null;
  const best = row.killed?.best ?? 0;
  const civilians = row.civiliansKilled;
  return {
    id: row.id,
    relid: null,
    year: row.start ? Number(row.start.slice(0, 4)) : null,
    active_year: null,
    code_status: null,
    type_of_violence: type,
    conflict_dset_id: null,
    conflict_new_id: null,
    conflict_name: null,
    dyad_dset_id: null,
    dyad_new_id: null,
    dyad_name: a[0] && b[0] ? `${a[0].name} - ${b[0].name}` : null,
    side_a_dset_id: null,
    side_a_new_id: null,
    side_a: a.map((x) => x.name).join(', ') || null,
    side_b_dset_id: null,
    side_b_new_id: null,
    side_b: b.map((x) => x.name).join(', ') || (type === 3 ? 'Civilians' : null),
    number_of_sources: row.sources.length,
    source_article: list(
      row.sources.map((s) =>
        [s.outlet, s.publishedDate, s.headline ? `"${s.headline.replace(/"/g, "'")}"` : null]
          .filter(Boolean)
          .join(' ')
          .replace(/;/g, ','),
      ),
    ),
    source_office: list(row.sources.map((s) => s.outlet?.replace(/;/g, ',') ?? null)),
    source_date: list(row.sources.map((s) => s.publishedDate)),
    source_headline: list(row.sources.map((s) => s.headline?.replace(/;/g, ',') ?? null)),
    source_original: row.originalSources.map((s) => s.replace(/;/g, ',')).join(';') || null,
    where_prec: wherePrecision(row),
    where_coordinates: row.place ? [row.place.name, row.place.admin1].filter(Boolean).join(', ') : null,
    where_description: row.location?.name ?? null,
    adm_1: row.place?.admin1 ?? null,
    adm_2: row.place?.admin2 ?? null,
    latitude: lat,
    longitude: lon,
    geom_wkt: lat !== null && lon !== null ? `POINT (${lon} ${lat})` : null,
    priogrid_gid: priogridCell(lat, lon),
    country: row.country?.name ?? null,
    country_id: null,
    region: row.country?.ucdpRegion ?? null,
    event_clarity: row.disputed ? 2 : 1,
    date_prec: datePrecision(row),
    date_start: row.start,
    date_end: row.end,
    deaths_a: null,
    deaths_b: null,
    deaths_civilians: civilians,
    deaths_unknown: row.killed ? best - Math.min(best, civilians ?? 0) : 0,
    best,
    high: row.killed ? (row.killed.high ?? best) : 0,
    low: row.killed ? (row.killed.low ?? best) : 0,
    gwnoa: null,
    gwnob: null,
  };
}

export const ucdpWriter = (): FormatWriter => csvWriter(UCDP_COLUMNS, ucdpRecord);
