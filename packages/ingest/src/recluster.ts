import { blockRows } from '@sitrep/cluster/block-keys';
import { canonicalEvent } from '@sitrep/cluster/canonical-event';
import { addMentions, createClusterState } from '@sitrep/cluster/cluster-state';
import { CLUSTERING_VERSION } from '@sitrep/cluster/clustering-version';
import { type EventMention, mentionsFromArticle } from '@sitrep/cluster/event-mention';
import { namesakeRegions } from '@sitrep/cluster/namesake-regions';
import { actorById } from '@sitrep/extract/actors';
import { ancestorsOf, places } from '@sitrep/extract/gazetteer';
import type { Article } from '@sitrep/schema/article';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { originKey } from '@sitrep/store/origin-key';
import { MAX_PAGE } from '@sitrep/store/query-types';
import type { ClusteringWrite, SitrepStore } from '@sitrep/store/store';
import { rebuildArticleDates, type StoredArticle } from './infer-article-dates.ts';
import { changeSetOf, withStableIds } from './stable-canonical-ids.ts';

/**
 * The gazetteer lookups clustering uses: al-Kalaseh is within Aleppo; "Idlib" may be the town or
 * its province; only armed actors tell attacks apart.
 */
export const CLUSTER_OPTIONS = {
  ancestorsOf: (id: string) => ancestorsOf(id).map((p) => p.id),
  actorKindOf: (id: string) => actorById(id)?.kind ?? null,
  namesakeRegionOf: namesakeRegions(places()),
};

export interface StoredMention {
  mention: EventMention;
  originKey: string;
}

/** Articles as cluster mentions, each with its article's origin key, read through the store. */
export async function mentionsOfArticles(
  store: SitrepStore,
  articles: readonly Article[],
): Promise<StoredMention[]> {
  return (await readArticles(store, articles)).mentions;
}

/** The articles' mentions, and the articles as date inference reads them (the same claims). */
async function readArticles(
  store: SitrepStore,
  articles: readonly Article[],
): Promise<{ mentions: StoredMention[]; dated: StoredArticle[] }> {
  const ids = articles.map((a) => a.id);
  const [events, claims] = await Promise.all([store.eventsForArticles(ids), store.claimsForArticles(ids)]);
  return {
    mentions: articles.flatMap((article, i) =>
      mentionsFromArticle({ ...article, events: events[i]!, claims: claims[i]! }).map((mention) => ({
        mention,
        originKey: originKey(article),
      })),
    ),
    dated: articles.map((a, i) => ({
      article: { id: a.id, publishedAt: a.publishedAt, claims: claims[i]! },
      originKey: originKey(a),
    })),
  };
}

/**
 * Every stored event as a cluster mention, page by page through the store's public reads, so
 * it works on either engine. Sorted by event id: the clustering does not depend on the order,
 * but a fixed order keeps runs byte-for-byte alike.
 */
export async function storedMentions(store: SitrepStore): Promise<StoredMention[]> {
  return (await storedArticles(store)).mentions;
}

/**
 * Every stored article's mentions (sorted as storedMentions) and dated form (in
 * PUBLISHED_ASC order, as rebuildArticleDates reads them), from one pass over the articles:
 * the full rebuild needs both, and reading each article's claims once halves what it parses.
 */
async function storedArticles(
  store: SitrepStore,
): Promise<{ mentions: StoredMention[]; dated: StoredArticle[] }> {
  const mentions: StoredMention[] = [];
  const dated: StoredArticle[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listArticles({}, { first: MAX_PAGE, after, orderBy: 'PUBLISHED_ASC' });
    const read = await readArticles(store, page.nodes);
    mentions.push(...read.mentions);
    dated.push(...read.dated);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  mentions.sort((a, b) => (a.mention.id < b.mention.id ? -1 : a.mention.id > b.mention.id ? 1 : 0));
  return { mentions, dated };
}

/** A per-article event is disputed when it rests on a denial or its canonical event is disputed. */
export function disputedFlags(
  events: readonly CanonicalEvent[],
  mentionById: ReadonlyMap<string, EventMention>,
): [string, boolean][] {
  return events.flatMap((e) =>
    e.mentions.map((m): [string, boolean] => [
      m.eventId,
      e.disputed || (mentionById.get(m.eventId)?.claims.some((c) => c.stance === 'deny') ?? false),
    ]),
  );
}

export interface ReclusterResult {
  /** `full`: every stored mention clustered again; `incremental`: one batch's neighbourhood */
  mode: 'full' | 'incremental';
  /** mentions added or removed (full: every stored mention) */
  mentions: number;
  /** stored mentions read to decide (full: every one) */
  loaded: number;
  /** canonical events after a full rebuild; null for an incremental step (it does not count them) */
  canonicalEvents: number | null;
  /** articles whose borrowed date (inferDatesFromQuotes) was decided; full: all, when any changed */
  datedArticles: number;
  /** canonical events written (full: all of them, when anything was written) and removed */
  upserted: number;
  removed: number;
  /** false when nothing had to be written */
  written: boolean;
  /** wall time of the reads, the clustering and the write */
  ms: number;
}

/**
 * Rebuilds the whole clustering from the stored articles, events and claims: every canonical
 * event, mention row and block row, stamped with CLUSTERING_VERSION. The repair path
 * (`sitrep recluster`), and what an ingest falls back to when the stored clustering was written
 * by another version (or never). Stored canonical events keep their ids (`withStableIds`), and
 * the change feed records what the rebuild changed. When the store already holds exactly these
 * records under this version nothing is written.
 */
export function reclusterStore(store: SitrepStore): Promise<ReclusterResult> {
  return store.clustering.exclusive(() => rebuildClustering(store));
}

/** reclusterStore's work, for a caller already holding `store.clustering.exclusive`. */
export async function rebuildClustering(store: SitrepStore): Promise<ReclusterResult> {
  const started = performance.now();
  const { mentions: rows, dated } = await storedArticles(store);
  const state = createClusterState(CLUSTER_OPTIONS);
  addMentions(
    state,
    rows.map((r) => r.mention),
  );
  const fresh = [...state.clusters.keys()].sort().map((id) => canonicalEvent(state, id));
  // the stored events keep their ids (reports joined or left, even across clustering versions)
  const stable = await withStableIds(store, fresh, null);
  const events = stable.events;
  const changed = await changedSinceStored(store, events);
  const current =
    (await store.clustering.version()) === CLUSTERING_VERSION &&
    stable.created.length + stable.merged.length + stable.removed.length + changed.size === 0;
  if (!current) {
    const { changes, removeCanonical } = changeSetOf(stable);
    const write: ClusteringWrite = {
      upsertCanonical: events,
      removeCanonical,
      changes: { ...changes, updated: changes.updated.filter((id) => changed.has(id)) },
      addMentions: rows.map((r) => ({
        ...r,
        blocks: blockRows(state.features.get(r.mention.id)!),
      })),
      removeMentions: [],
      eventDisputed: disputedFlags(events, new Map(rows.map((r) => [r.mention.id, r.mention]))),
    };
    await store.clustering.replace(write, CLUSTERING_VERSION);
  }
  const datesWritten = await rebuildArticleDates(store, dated);
  return {
    mode: 'full',
    mentions: rows.length,
    loaded: rows.length,
    canonicalEvents: events.length,
    datedArticles: datesWritten ? new Set(rows.map((r) => r.mention.articleId)).size : 0,
    upserted: current ? 0 : events.length,
    removed: 0,
    written: !current || datesWritten,
    ms: performance.now() - started,
  };
}

/** Ids of these events whose stored record differs from the one given (or that are not stored). */
async function changedSinceStored(
  store: SitrepStore,
  events: readonly CanonicalEvent[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < events.length; i += MAX_PAGE) {
    const part = events.slice(i, i + MAX_PAGE);
    const found = await store.canonicalEventsByIds(part.map((e) => e.id));
    part.forEach((e, j) => {
      const stored = found[j];
      if (!stored || JSON.stringify(stored) !== JSON.stringify(e)) out.add(e.id);
    });
  }
  return out;
}
