import { actors } from '@sitrep/extract/actors';
import { places } from '@sitrep/extract/gazetteer';
import { loadOutlets } from '@sitrep/extract/outlets';
import type { SitrepStore } from './store.ts';

/**
 * The curated gazetteer's places (with their nesting), actors and outlets, so filters such as
 * "events in Aleppo", actor names and outlet kinds (Reuters is a wire agency, SANA state
 * media) work from the first ingest. Upserts write only what differs; an outlet first stored
 * as "unknown" by an article gets its curated record here.
 */
export async function seedReferenceData(store: SitrepStore): Promise<void> {
  await store.upsertPlaces(places());
  await store.upsertActors(actors());
  await store.upsertOutlets(loadOutlets().list);
}
