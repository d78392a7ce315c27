import type { ActorCategory } from '@sitrep/schema/actor';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event, EventKind, EventLocation } from '@sitrep/schema/event';
import type { PlaceKind } from '@sitrep/schema/place';
import type { DatePrecision } from '@sitrep/schema/primitives';
import type { CountryFacts } from './countries.ts';

/** A side in the event as the exports name it. */
export interface ExportActor {
  name: string;
  /** ACLED's actor type; null when the actor is no side (a person, a monitor) or unknown */
  category: ActorCategory | null;
  /** how many of the event's reports name it in this role */
  reports: number;
}

/** A casualty measure as exported: the best figure and its range. */
export interface ExportFigure {
  best: number;
  low: number | null;
  high: number | null;
  disputed: boolean;
  /** every distinct figure reported, lowest first, when disputed */
  competing: number[];
}

export interface ExportSource {
  articleId: string;
  outlet: string | null;
  headline: string | null;
  publishedDate: string | null;
}

/**
 * One exported event, whatever the level and format: what every format's columns are read from.
 * Built by `read-rows.ts` from a canonical event's export facts (a report's record) and the
 * places, actors, outlets and articles they name; each format only arranges it.
 */
export interface ExportRow {
  level: 'event' | 'report';
  /** `cev_…` (a canonical event) or `evt_…` (one article's report) */
  id: string;
  kind: EventKind;
  family: CanonicalEvent['family'];
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  location: EventLocation | null;
  place: {
    name: string;
    kind: PlaceKind;
    lat: number | null;
    lon: number | null;
    admin1: string | null;
    admin2: string | null;
    geonamesId: number | null;
  } | null;
  country: CountryFacts | null;
  perpetrators: ExportActor[];
  targets: ExportActor[];
  killed: ExportFigure | null;
  injured: ExportFigure | null;
  /** a reported figure kept out of `killed` because it is a total over a period or a war (reports only) */
  killedNotIncident: number | null;
  civiliansKilled: number | null;
  summary: string;
  /** the sentence the event was read from, word for word */
  sentence: string;
  sources: ExportSource[];
  /** who first said it (monitors, ministries, wires), for canonical events */
  originalSources: string[];
  /** reports behind it: 1 for a report */
  reports: number;
  independentSources: number;
  disputed: boolean;
  contradictions: number;
  /** how sure the clustering is that the reports are one event; null for a report */
  cohesion: number | null;
  /**
   * the stored record, whole: what JSON Lines writes. A canonical event's is read only for JSON
   * Lines (`readRows`' `records`); the other formats' rows come from its export facts, and null.
   */
  record: CanonicalEvent | Event | null;
  /** with `since`: when the change feed recorded its latest change (ISO 8601 UTC); else null */
  changedAt: string | null;
}
