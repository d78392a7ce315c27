import type { ActorCategory } from '@sitrep/schema/actor';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { DatePrecision } from '@sitrep/schema/primitives';
import type { ExportActor, ExportRow } from '../export-row.ts';

/** ACLED's actor types as "inter" codes (ACLED Codebook 2024, "Actors"; the order of ActorCategory). */
export const INTER_CODES: Record<ActorCategory, number> = {
  state_forces: 1,
  rebel_group: 2,
  political_militia: 3,
  identity_militia: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  external_forces: 8,
};

/** ACLED's disorder type of each event type (ACLED Codebook 2024, "Disorder type"). */
const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Riots: 'Political violence',
  Protests: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

// "suicide bomber", "suicide car bomb", "suicide attack": ACLED's Suicide bomb sub-event type.
const SUICIDE = /\bsuicide\s+(?:car\s+|truck\s+|vest\s+)?(?:bomb|bomber|bombing|attack|attacker|blast)s?\b/i;

/**
 * ACLED's event type and sub-event type for a row: the taxonomy's pair, refined where ACLED
 * splits what Sitrep keeps as one kind (who gains territory; suicide bombings). Empty for a kind
 * ACLED does not code (diplomacy, displacement, sieges): its kind is in the tags.
 */
export function acledTypes(row: ExportRow): {
  eventType: string;
  subEventType: string;
  disorderType: string;
} {
  const pair = eventKindInfo(row.kind).acled;
  if (!pair) return { eventType: '', subEventType: '', disorderType: '' };
  let [eventType, subEventType] = pair as readonly [string, string];
  if (row.kind === 'territorial_change') {
    const gainer = row.perpetrators[0]?.category;
    if (gainer && gainer !== 'state_forces') subEventType = 'Non-state actor overtakes territory';
  }
  if (row.kind === 'bombing' && SUICIDE.test(row.sentence)) subEventType = 'Suicide bomb';
  return { eventType, subEventType, disorderType: DISORDER[eventType] ?? '' };
}

export function interCode(actor: ExportActor | undefined): number | null {
  return actor?.category ? INTER_CODES[actor.category] : null;
}

/** Two inter codes, the lower first ("17"); one side alone is "10"-style; unknown is empty. */
export function interaction(a: number | null, b: number | null): string {
  if (a === null && b === null) return '';
  if (a === null || b === null) return `${a ?? b}0`;
  return a <= b ? `${a}${b}` : `${b}${a}`;
}

const DAY = 86_400_000;
export function spanDays(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  if (start === end) return 1; // most events: no date parsing per row
  return Math.round((Date.parse(end) - Date.parse(start)) / DAY) + 1;
}

/**
 * ACLED time precision: 1 the day is known, 2 the week (or a few days; or only the day of the
 * report, on or before which it happened), 3 only the month (Sitrep's year too). Empty: undated.
 */
export function timePrecision(
  precision: DatePrecision,
  start: string | null,
  end: string | null,
): number | null {
  if (!start) return null;
  if (precision === 'month' || precision === 'year') return 3;
  if (precision === 'week' || precision === 'reported') return 2;
  const days = spanDays(start, end) ?? 1;
  return days <= 1 ? 1 : days <= 7 ? 2 : 3;
}
