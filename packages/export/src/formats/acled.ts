import type { ExportRow } from '../export-row.ts';
import { acledTypes, interaction, interCode, timePrecision } from './acled-codes.ts';
import { type CsvValue, csvWriter } from './csv-writer.ts';
import type { FormatWriter } from './format-writer.ts';
import { sitrepTags } from './tags.ts';

/** ACLED's columns in ACLED's order (ACLED Codebook 2024, "Data columns"). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

const joined = (names: readonly string[]) => (names.length ? names.join('; ') : null);

/** One row in ACLED's terms; the README's ACLED table says where each column comes from. */
export function acledRecord(row: ExportRow): Record<(typeof ACLED_COLUMNS)[number], CsvValue> {
  const { eventType, subEventType, disorderType } = acledTypes(row);
  const [actor1, ...assoc1] = row.perpetrators;
  const [actor2, ...assoc2] = row.targets;
  const inter1 = interCode(actor1);
  const inter2 = interCode(actor2);
  const civilianTargeting =
    eventType === 'Violence against civilians' || row.targets.some((t) => t.category === 'civilians');
  const outlets = [...new Set(row.sources.flatMap((s) => (s.outlet ? [s.outlet] : [])))];
  return {
    event_id_cnty: row.id,
    event_date: row.start,
    year: row.start ? Number(row.start.slice(0, 4)) : null,
    time_precision: timePrecision(row.precision, row.start, row.end),
    disorder_type: disorderType,
    event_type: eventType,
    sub_event_type: subEventType,
    actor1: actor1?.name ?? null,
    assoc_actor_1: joined(assoc1.map((a) => a.name)),
    inter1: inter1 ?? (actor1 ? null : 0),
    actor2: actor2?.name ?? null,
    assoc_actor_2: joined(assoc2.map((a) => a.name)),
    inter2: inter2 ?? (actor2 ? null : 0),
    interaction: interaction(inter1, inter2),
    civilian_targeting: civilianTargeting ? 'Civilian targeting' : null,
    iso: row.country?.isoNumeric ?? null,
    region: row.country?.acledRegion ?? null,
    country: row.country?.name ?? null,
    admin1: row.place?.admin1 ?? null,
    admin2: row.place?.admin2 ?? null,
    admin3: null,
    location: row.location?.name ?? null,
    latitude: row.place?.lat ?? null,
    longitude: row.place?.lon ?? null,
    geo_precision: row.location?.geoPrecision ?? null,
    source: joined(outlets),
    source_scale: null,
    notes: row.sentence || row.summary,
    fatalities: row.killed?.best ?? 0,
    tags: sitrepTags(row),
    // ACLED's timestamp is when the row last changed, in Unix seconds: the change feed's time
    timestamp: row.changedAt ? Math.floor(Date.parse(row.changedAt) / 1000) : null,
  };
}

export const acledWriter = (): FormatWriter => csvWriter(ACLED_COLUMNS, acledRecord);
