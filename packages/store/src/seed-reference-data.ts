import { actors, places } from '@sitrep/extract/gazetteer';
import type { SitrepStore } from './store.ts';

/**
 * The curated gazetteer's places (with their nesting) and actors, so filters such as "events in
 * Aleppo" and actor names work from the first ingest. Upserts write only what differs.
 */
export async function seedReferenceData(store: SitrepStore): Promise<void> {
  await store.upsertPlaces(places());
  await store.upsertActors(actors());
}
