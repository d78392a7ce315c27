import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { EventKind, EventLocation } from '@sitrep/schema/event';
import type { DatePrecision } from '@sitrep/schema/primitives';

/**
 * What a bulk export needs of one canonical event, worked out from its record, its member
 * reports and their articles when the event is written (migration 0013), so an export reads one
 * small JSON per event in one keyset scan instead of the record, every member's record and the
 * articles per batch. Reference data (actor names and categories, outlet names, places and their
 * countries) is left as ids: it can change after the event is written, and an export resolves it
 * from small tables it caches.
 */
export interface CanonicalExportFacts {
  id: string;
  kind: EventKind;
  family: CanonicalEvent['family'];
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  location: EventLocation | null;
  /** sides by role across the reports, in first-seen order (the export sorts them once names are known) */
  perpetrators: ExportSideFact[];
  targets: ExportSideFact[];
  killed: ExportFigureFact | null;
  injured: ExportFigureFact | null;
  /** civilians among the killed, from the report whose killed figure is the event's best */
  civiliansKilled: number | null;
  /** the summary of the report that speaks for the event (one of its own kind, else the first); null without reports */
  summary: string | null;
  /** that report's first evidence sentence, word for word; '' without one */
  sentence: string;
  sources: ExportSourceFact[];
  /** who first said it: the corroboration's primary sources */
  originalSources: string[];
  reports: number;
  independentSources: number;
  disputed: boolean;
  contradictions: number;
  cohesion: number | null;
}

/** A side: `actorId` resolves to the actors table's name and category at export time. */
export interface ExportSideFact {
  actorId: string | null;
  /** the name the first report naming it gave */
  name: string;
  /** how many of the event's reports name it in this role */
  reports: number;
}

export interface ExportFigureFact {
  best: number;
  low: number | null;
  high: number | null;
  disputed: boolean;
  /** every distinct figure reported, lowest first, when disputed */
  competing: number[];
}

export interface ExportSourceFact {
  articleId: string;
  /** the mention's outlet id (or name), resolved to the outlet's name at export time */
  outletId: string | null;
  headline: string | null;
  publishedDate: string | null;
}
