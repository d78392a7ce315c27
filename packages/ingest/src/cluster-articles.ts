import { CLUSTERING_VERSION } from '@sitrep/cluster/clustering-version';
import type { EventMention } from '@sitrep/cluster/event-mention';
import { updateStoredClusters } from '@sitrep/cluster/update-stored-clusters';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { originKey } from '@sitrep/store/origin-key';
import type { SitrepStore } from '@sitrep/store/store';
import { inferArticleDates } from './infer-article-dates.ts';
import {
  CLUSTER_OPTIONS,
  disputedFlags,
  mentionsOfArticles,
  type ReclusterResult,
  rebuildClustering,
} from './recluster.ts';
import { changeSetOf, withStableIds } from './stable-canonical-ids.ts';
import { storedClustering } from './stored-clustering.ts';

/**
 * Brings the stored clustering up to date with articles just ingested, touching only the
 * clusters they can join: their events not yet clustered are added, and the clustered events
 * of their origins that no longer exist (the old text of a changed article) are taken out.
 * Reads the stored mentions sharing a block with them and the clusters those belong to
 * (`updateStoredClusters`), writes the changed clusters in one transaction, and gives exactly
 * what `reclusterStore` would. Articles already clustered cost a few reads and no write, so a
 * re-run after a crash between ingest and clustering repairs the clustering.
 *
 * When the stored clustering was written by another CLUSTERING_VERSION (or never, as after the
 * migration that introduced it), it rebuilds everything instead.
 */
export function clusterArticles(
  store: SitrepStore,
  records: readonly Pick<ExtractedArticle, 'id' | 'origin' | 'contentHash'>[],
): Promise<ReclusterResult> {
  // One step at a time per store, in this process and any other: two steps reading the same
  // neighbourhood before either writes would each miss the other's mentions.
  return store.clustering.exclusive(() => clusterStep(store, records));
}

async function clusterStep(
  store: SitrepStore,
  records: readonly Pick<ExtractedArticle, 'id' | 'origin' | 'contentHash'>[],
): Promise<ReclusterResult> {
  const started = performance.now();
  if ((await store.clustering.version()) !== CLUSTERING_VERSION) return rebuildClustering(store);
  // the same text twice in a batch (or under two origins) is one stored article
  const ids = [...new Set(records.map((r) => r.id))];
  const articles = (await store.articlesByIds(ids)).filter((a) => a !== null);
  const current = await mentionsOfArticles(store, articles);
  const clustered = await store.clustering.clusteredIds(current.map((r) => r.mention.id));
  const add = current.filter((r) => !clustered.has(r.mention.id));
  const currentIds = new Set(current.map((r) => r.mention.id));
  const old = (await store.clustering.mentionsOfOrigins(records.map(originKey))).filter(
    (id) => !currentIds.has(id),
  );
  const stillStored = old.length ? await store.eventsByIds(old) : [];
  const remove = old.filter((_, i) => stillStored[i] === null);
  const result: ReclusterResult = {
    mode: 'incremental',
    mentions: add.length + remove.length,
    loaded: 0,
    canonicalEvents: null,
    datedArticles: 0,
    upserted: 0,
    removed: 0,
    written: false,
    ms: 0,
  };
  if (add.length > 0 || remove.length > 0) {
    const update = await applyStep(store, add, remove);
    Object.assign(result, update, { written: true });
  }
  result.datedArticles = await inferArticleDates(store, articles);
  if (result.datedArticles > 0) result.written = true;
  result.ms = performance.now() - started;
  return result;
}

/**
 * Takes out of the clustering the events that storing `records` will delete (a changed article's
 * old events), before the batch is stored. The clustering step after the batch would take them
 * out too, but only once every batch of the run is in: until then each canonical event naming
 * them named an event that was gone, and a reader asking for its reports met nulls where the
 * schema promises an event (issue 20 item 12). Done first, each commit leaves a state in which
 * every canonical event's reports exist: the old article's events, briefly unclustered, then the
 * new ones, clustered by the step after the batch. Ids stay stable: this is an ordinary step
 * (removals only), so a canonical event keeps its id while a report leaves it. A stored
 * clustering of another version is left alone: the next step rebuilds it anyway.
 */
export async function unclusterReplacedEvents(
  store: SitrepStore,
  records: readonly ExtractedArticle[],
): Promise<ReclusterResult | null> {
  const started = performance.now();
  const replaced = await store.eventsReplacedBy(records);
  if (replaced.length === 0) return null;
  return store.clustering.exclusive(async () => {
    if ((await store.clustering.version()) !== CLUSTERING_VERSION) return null;
    const clustered = await store.clustering.clusteredIds(replaced);
    const remove = replaced.filter((id) => clustered.has(id));
    if (remove.length === 0) return null;
    return {
      mode: 'incremental',
      mentions: remove.length,
      canonicalEvents: null,
      datedArticles: 0,
      ...(await applyStep(store, [], remove)),
      written: true,
      ms: performance.now() - started,
    };
  });
}

/** One incremental step over the stored clustering: these mentions in, those out, in one transaction. */
async function applyStep(
  store: SitrepStore,
  add: readonly { mention: EventMention; originKey: string }[],
  remove: readonly string[],
): Promise<Pick<ReclusterResult, 'loaded' | 'upserted' | 'removed'>> {
  const update = await updateStoredClusters(storedClustering(store.clustering), CLUSTER_OPTIONS, {
    add: add.map((r) => r.mention),
    remove,
  });
  const originOf = new Map(add.map((r) => [r.mention.id, r.originKey]));
  const stable = await withStableIds(store, update.upsert, update.removeMentions);
  await store.clustering.apply({
    upsertCanonical: stable.events,
    ...changeSetOf(stable),
    addMentions: update.addMentions.map((r) => ({ ...r, originKey: originOf.get(r.mention.id) as string })),
    removeMentions: update.removeMentions,
    eventDisputed: disputedFlags(update.upsert, new Map(update.members.map((m) => [m.id, m]))),
  });
  return {
    loaded: update.loaded,
    upserted: update.upsert.length,
    removed: stable.removed.length + stable.merged.length,
  };
}
