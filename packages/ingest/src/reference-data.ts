import { actorById, ancestorsOf, placeById } from '@sitrep/extract/gazetteer';
import { loadOutlets } from '@sitrep/extract/outlets';
import type { Actor } from '@sitrep/schema/actor';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { Place } from '@sitrep/schema/place';
import type { EntityRef } from '@sitrep/schema/primitives';
import type { SitrepStore } from '@sitrep/store/store';

/**
 * The reference records a run's articles point at, stored before the articles themselves: each
 * place an event or mention names, with its chain of parents (so "events in Aleppo" finds the
 * neighbourhoods: the store's closure table is built from the stored nesting), each actor named
 * as a participant, speaker, affiliation or relay (with the actors those belong to), and the
 * curated outlets with their kinds (Reuters a wire agency, SANA state media; a short list, so all
 * of it, the first time a run stores anything). Only what is referenced: a world gazetteer holds
 * far more places than any archive names. Ids the gazetteer does not know (another corpus's own)
 * are left as the articles give them.
 */
export interface ReferenceSeeder {
  /** stores what these records reference and this seeder has not stored yet */
  seed(records: readonly ExtractedArticle[]): Promise<void>;
}

export function referenceSeeder(store: SitrepStore): ReferenceSeeder {
  const seen = new Set<string>();
  let outlets = false;
  return {
    async seed(records) {
      const places = new Map<string, Place>();
      const actors = new Map<string, Actor>();
      for (const id of placeIds(records)) {
        if (seen.has(`p:${id}`)) continue;
        seen.add(`p:${id}`);
        const place = placeById(id);
        if (!place) continue;
        places.set(place.id, place);
        for (const parent of ancestorsOf(id)) {
          seen.add(`p:${parent.id}`);
          places.set(parent.id, parent);
        }
      }
      for (const id of actorIds(records)) {
        for (let at: string | null = id; at && !seen.has(`a:${at}`); ) {
          seen.add(`a:${at}`);
          const actor = actorById(at);
          if (!actor) break;
          actors.set(actor.id, actor);
          at = actor.affiliation;
        }
      }
      if (places.size > 0) await store.upsertPlaces([...places.values()]);
      if (actors.size > 0) await store.upsertActors([...actors.values()]);
      if (!outlets && records.length > 0) {
        outlets = true;
        await store.upsertOutlets(loadOutlets().list);
      }
    },
  };
}

function* placeIds(records: readonly ExtractedArticle[]): Generator<string> {
  for (const r of records) {
    for (const e of r.events) if (e.location?.placeId) yield e.location.placeId;
    yield* known(r.mentions.places);
  }
}

function* actorIds(records: readonly ExtractedArticle[]): Generator<string> {
  for (const r of records) {
    yield* known(r.mentions.actors);
    for (const e of r.events) yield* known(e.participants.map((p) => p.actor));
    for (const c of r.claims) yield* known([c.speaker?.actor, c.speaker?.affiliation, ...c.via]);
  }
}

function* known(refs: readonly (EntityRef | null | undefined)[]): Generator<string> {
  for (const ref of refs) if (ref?.id) yield ref.id;
}
