import { clusterMentions } from '@sitrep/cluster/cluster-mentions';
import { type EventMention, mentionsFromArticle } from '@sitrep/cluster/event-mention';
import { actorById, ancestorsOf } from '@sitrep/extract/gazetteer';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { MAX_PAGE } from './read/cursor.ts';
import type { SitrepStore } from './store.ts';

/** The gazetteer lookups clustering uses: al-Kalaseh is within Aleppo; only armed actors tell attacks apart. */
export const CLUSTER_OPTIONS = {
  ancestorsOf: (id: string) => ancestorsOf(id).map((p) => p.id),
  actorKindOf: (id: string) => actorById(id)?.kind ?? null,
};

/**
 * Every stored event as a cluster mention, rebuilt from the stored articles (outlet, date,
 * credits), events and claims, page by page through the store's public reads, so it works on
 * either engine. Sorted by event id: the clustering does not depend on the order, but a fixed
 * order keeps runs byte-for-byte alike.
 */
export async function storedMentions(store: SitrepStore): Promise<EventMention[]> {
  const mentions: EventMention[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listArticles({}, { first: MAX_PAGE, after, orderBy: 'PUBLISHED_ASC' });
    const ids = page.nodes.map((a) => a.id);
    const [events, claims] = await Promise.all([store.eventsForArticles(ids), store.claimsForArticles(ids)]);
    page.nodes.forEach((article, i) => {
      mentions.push(...mentionsFromArticle({ ...article, events: events[i]!, claims: claims[i]! }));
    });
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return mentions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ReclusterResult {
  mentions: number;
  canonicalEvents: number;
  /** false when the store already held exactly these canonical events (nothing was written) */
  written: boolean;
  /** wall time of the read, the clustering and the write */
  ms: number;
}

/**
 * Reclusters everything the store holds with @sitrep/cluster and replaces the stored canonical
 * events in one transaction. Deterministic: the same stored events give the same canonical
 * events and ids, however and in whatever order they were ingested. Costs a full read of the
 * articles, events and claims plus a full clustering on every call (not incremental yet).
 *
 * When the store already holds exactly the same canonical ids nothing is written, so a re-run
 * over unchanged input still issues no INSERT/UPDATE/DELETE. Same ids means same records: an id
 * is the hash of its member event ids, and a stored event never changes under its id (a changed
 * article gets new event ids).
 */
export async function reclusterStore(store: SitrepStore): Promise<ReclusterResult> {
  const started = performance.now();
  const mentions = await storedMentions(store);
  const events: CanonicalEvent[] = clusterMentions(mentions, CLUSTER_OPTIONS);
  const written = !(await holdsExactly(store, events));
  if (written) await store.replaceCanonicalEvents(events);
  return {
    mentions: mentions.length,
    canonicalEvents: events.length,
    written,
    ms: performance.now() - started,
  };
}

async function holdsExactly(store: SitrepStore, events: readonly CanonicalEvent[]): Promise<boolean> {
  const stored = await store.listCanonicalEvents({}, { first: 0 });
  if (stored.totalCount !== events.length) return false;
  const ids = events.map((e) => e.id);
  for (let i = 0; i < ids.length; i += MAX_PAGE) {
    const found = await store.canonicalEventsByIds(ids.slice(i, i + MAX_PAGE));
    if (found.some((e) => e === null)) return false;
  }
  return true;
}
