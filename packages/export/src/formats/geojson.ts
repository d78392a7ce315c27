import type { ExportRow } from '../export-row.ts';
import { acledTypes } from './acled-codes.ts';
import type { FormatWriter } from './format-writer.ts';

/** The properties of each Point: the event in a few flat, typed fields (the README lists them). */
export function geojsonProperties(row: ExportRow) {
  const { eventType, subEventType } = acledTypes(row);
  return {
    id: row.id,
    level: row.level,
    kind: row.kind,
    event_type: eventType || null,
    sub_event_type: subEventType || null,
    date_start: row.start,
    date_end: row.end,
    date_precision: row.precision,
    location: row.location?.name ?? null,
    location_precision: row.location?.precision ?? null,
    geo_precision: row.location?.geoPrecision ?? null,
    admin1: row.place?.admin1 ?? null,
    admin2: row.place?.admin2 ?? null,
    country: row.country?.iso2 ?? null,
    country_name: row.country?.name ?? null,
    actor1: row.perpetrators[0]?.name ?? null,
    actor2: row.targets[0]?.name ?? null,
    fatalities: row.killed?.best ?? 0,
    killed_low: row.killed?.low ?? null,
    killed_high: row.killed?.high ?? null,
    injured: row.injured?.best ?? null,
    reports: row.reports,
    independent_sources: row.independentSources,
    sources: [...new Set(row.sources.flatMap((s) => (s.outlet ? [s.outlet] : [])))],
    disputed: row.disputed,
    summary: row.summary,
  };
}

/**
 * A GeoJSON FeatureCollection (RFC 7946) of Points [lon, lat], one per located event. Events
 * without coordinates are left out and counted in the collection's trailing foreign member
 * `"sitrep:unlocated"` (written last, so the file still streams); `sitrep export` also prints
 * the count on stderr.
 */
export function geojsonWriter(): FormatWriter {
  let written = 0;
  let unlocated = 0;
  return {
    begin: () => '{"type":"FeatureCollection","features":[\n',
    batch(rows) {
      const parts: string[] = [];
      for (const row of rows) {
        const lat = row.place?.lat ?? null;
        const lon = row.place?.lon ?? null;
        if (lat === null || lon === null) {
          unlocated++;
          continue;
        }
        const feature = {
          type: 'Feature',
          id: row.id,
          geometry: { type: 'Point', coordinates: [lon, lat] },
          properties: geojsonProperties(row),
        };
        parts.push(`${written === 0 ? '' : ',\n'}${JSON.stringify(feature)}`);
        written++;
      }
      return parts.join('');
    },
    end: () => `\n],"sitrep:unlocated":${unlocated}}\n`,
    get written() {
      return written;
    },
    get unlocated() {
      return unlocated;
    },
  };
}
