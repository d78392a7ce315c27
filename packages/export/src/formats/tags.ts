import type { ExportRow } from '../export-row.ts';

/**
 * Sitrep's facts that no ACLED column holds, as ACLED-style tags: `sitrep:key=value` entries
 * joined by "; ". Keys are fixed (the README lists them), values are numbers, dates, booleans,
 * kinds or ids — never free text — so a tag splits on "; " then on the first "=" and never
 * meets either inside a value. Free text (the sentence) goes to `notes`.
 */
export function sitrepTags(row: ExportRow): string {
  const tags: [string, string | number | boolean | null | undefined][] = [
    ['level', row.level],
    ['kind', row.kind],
    ['date_end', row.end !== row.start ? row.end : null],
    ['date_precision', row.precision],
    ['location_precision', row.location?.precision],
    ['killed_low', row.killed?.low],
    ['killed_high', row.killed?.high],
    ['killed_disputed', row.killed?.disputed || null],
    ['killed_competing', row.killed?.competing.length ? row.killed.competing.join(',') : null],
    ['killed_total_not_incident', row.killedNotIncident],
    ['civilians_killed', row.civiliansKilled],
    ['injured', row.injured?.best],
    ['injured_low', row.injured?.low],
    ['injured_high', row.injured?.high],
    ['reports', row.reports],
    ['independent_sources', row.independentSources],
    ['disputed', row.disputed || null],
    ['contradictions', row.contradictions || null],
    ['cohesion', row.cohesion === null ? null : Math.round(row.cohesion * 100) / 100],
    ['geonames_id', row.place?.geonamesId],
  ];
  return tags
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `sitrep:${k}=${v}`)
    .join('; ');
}

/** The inverse of `sitrepTags` (and what the README shows a reader doing): tags → key/value pairs. */
export function parseSitrepTags(tags: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags.split('; ')) {
    const m = /^sitrep:([a-z_0-9]+)=(.*)$/.exec(tag);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
