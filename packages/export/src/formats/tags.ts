import type { ExportRow } from '../export-row.ts';

/**
 * Sitrep's facts that no ACLED column holds, as ACLED-style tags: `sitrep:key=value` entries
 * joined by "; ". Keys are fixed (the README lists them), values are numbers, dates, booleans,
 * kinds or ids — never free text — so a tag splits on "; " then on the first "=" and never
 * meets either inside a value. Free text (the sentence) goes to `notes`.
 */
export function sitrepTags(row: ExportRow): string {
  // Appended in place, not built as pairs then filtered and joined: once per exported row, this
  // was a quarter of the ACLED writer's time on 95k events.
  let out = '';
  const tag = (key: string, v: string | number | boolean | null | undefined) => {
    if (v === null || v === undefined || v === '') return;
    out += out ? `; sitrep:${key}=${v}` : `sitrep:${key}=${v}`;
  };
  tag('level', row.level);
  tag('kind', row.kind);
  tag('date_end', row.end !== row.start ? row.end : null);
  tag('date_precision', row.precision);
  tag('location_precision', row.location?.precision);
  tag('killed_low', row.killed?.low);
  tag('killed_high', row.killed?.high);
  tag('killed_disputed', row.killed?.disputed || null);
  tag('killed_competing', row.killed?.competing.length ? row.killed.competing.join(',') : null);
  tag('killed_total_not_incident', row.killedNotIncident);
  tag('civilians_killed', row.civiliansKilled);
  tag('injured', row.injured?.best);
  tag('injured_low', row.injured?.low);
  tag('injured_high', row.injured?.high);
  tag('reports', row.reports);
  tag('independent_sources', row.independentSources);
  tag('disputed', row.disputed || null);
  tag('contradictions', row.contradictions || null);
  tag('cohesion', row.cohesion === null ? null : Math.round(row.cohesion * 100) / 100);
  tag('geonames_id', row.place?.geonamesId);
  return out;
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
