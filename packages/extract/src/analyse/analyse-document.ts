import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { EntityRef } from '@sitrep/schema/primitives';
import type { PreparedDocument } from '../prepared-document.ts';

export interface Analysis {
  claims: Claim[];
  events: Event[];
  mentions: { actors: EntityRef[]; places: EntityRef[] };
}

/**
 * Sentences in, claims / events / entity mentions out.
 * PLACEHOLDER (foundation): returns nothing until the analysis module lands.
 */
export function analyseDocument(_doc: PreparedDocument): Analysis {
  return { claims: [], events: [], mentions: { actors: [], places: [] } };
}
