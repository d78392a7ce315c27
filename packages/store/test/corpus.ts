import type { Event } from '@sitrep/schema/event';
import type { SitrepStore } from '../src/store.ts';
import {
  type SyntheticOptions,
  syntheticActors,
  syntheticArticles,
  syntheticOutlets,
  syntheticPlaces,
} from '../src/synthetic.ts';

/** A small synthetic corpus loaded into a store, with the records kept for expected values. */
export const SMALL: SyntheticOptions = { seed: 7, events: 400, eventsPerArticle: 4, days: 60 };

export async function loadSmallCorpus(store: SitrepStore) {
  const articles = [...syntheticArticles(SMALL)];
  await store.upsertPlaces(syntheticPlaces());
  await store.upsertActors(syntheticActors());
  await store.upsertOutlets(syntheticOutlets());
  await store.ingestArticles(articles);
  const events: Event[] = articles.flatMap((a) => a.events);
  return { articles, events };
}

/** Descendants of a place (itself included) computed from the synthetic gazetteer in JS. */
export function placeAndInside(placeId: string): Set<string> {
  const places = syntheticPlaces();
  const inside = new Set([placeId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of places)
      if (p.parentId && inside.has(p.parentId) && !inside.has(p.id)) {
        inside.add(p.id);
        grew = true;
      }
  }
  return inside;
}
