import { SitrepError } from '@sitrep/schema/errors';
import { type BlockIndex, candidatesFor, emptyBlockIndex, indexMention } from './block-index.ts';
import { clusterId } from './cluster-id.ts';
import type { EventMention } from './event-mention.ts';
import { linked } from './link-rules.ts';
import {
  type ActorKindOf,
  type AncestorsOf,
  type Lookups,
  type MentionFeatures,
  mentionFeatures,
} from './mention-features.ts';
import { PriorityQueue } from './priority-queue.ts';
import { chooseCentre, ranksBefore, type StarView } from './star-assignment.ts';

export interface ClusterOptions {
  /** parents of a gazetteer place id, nearest first; without it only identical places nest */
  ancestorsOf?: AncestorsOf;
  /** kinds of known actors; without it every resolved perpetrator counts when comparing attacks */
  actorKindOf?: ActorKindOf;
}

/**
 * Everything clustering remembers between batches. Updated in place by `addMentions`, so
 * ingesting one article costs the work around that article, not the corpus.
 */
export interface ClusterState {
  readonly lookups: Lookups;
  readonly features: Map<string, MentionFeatures>;
  readonly index: BlockIndex;
  /** mention id -> ids of the mentions it is linked to */
  readonly adjacency: Map<string, string[]>;
  /** mention id -> the centre of its cluster (a centre maps to itself) */
  readonly centreOf: Map<string, string>;
  readonly membersOf: Map<string, Set<string>>;
  readonly clusterIdOfCentre: Map<string, string>;
  /** cluster id -> member mention ids, sorted */
  readonly clusters: Map<string, string[]>;
  readonly clusterOfMention: Map<string, string>;
}

export interface ClusterChange {
  /** clusters that are new or whose members changed (a changed cluster has a new id), sorted */
  changed: string[];
  /** cluster ids that no longer exist, sorted */
  removed: string[];
}

export function createClusterState(options: ClusterOptions = {}): ClusterState {
  return {
    lookups: { ancestorsOf: options.ancestorsOf ?? (() => []), actorKindOf: options.actorKindOf ?? null },
    features: new Map(),
    index: emptyBlockIndex(),
    adjacency: new Map(),
    centreOf: new Map(),
    membersOf: new Map(),
    clusterIdOfCentre: new Map(),
    clusters: new Map(),
    clusterOfMention: new Map(),
  };
}

function view(state: ClusterState): StarView {
  const none = new Set<string>();
  return {
    feature: (id) => state.features.get(id) as MentionFeatures,
    neighbours: (id) => state.adjacency.get(id) ?? [],
    centreOf: (id) => state.centreOf.get(id),
    members: (c) => state.membersOf.get(c) ?? none,
  };
}

/** Indexes new mentions and records their links; returns the features of the mentions added. */
function link(state: ClusterState, mentions: readonly EventMention[]): MentionFeatures[] {
  const added: MentionFeatures[] = [];
  for (const m of mentions) {
    if (state.features.has(m.id)) continue;
    const f = mentionFeatures(m, state.lookups);
    const adj: string[] = [];
    for (const cid of candidatesFor(state.index, f)) {
      const other = state.features.get(cid) as MentionFeatures;
      if (!linked(f, other)) continue;
      adj.push(cid);
      state.adjacency.get(cid)?.push(f.id);
    }
    state.features.set(f.id, f);
    state.adjacency.set(f.id, adj);
    indexMention(state.index, f);
    added.push(f);
  }
  return added;
}

/**
 * Adds mentions (an id seen before is ignored) and re-decides only the mentions ranked below
 * them that they are linked to. Returns which cluster ids appeared and which disappeared.
 */
export function addMentions(state: ClusterState, mentions: readonly EventMention[]): ClusterChange {
  const queue = rankQueue();
  for (const f of link(state, mentions)) queue.push(f);
  const touched = new Set<string>();
  settle(state, queue, touched);
  return recordClusters(state, touched);
}

/** Mentions waiting to be re-decided, highest rank first. */
export function rankQueue(): PriorityQueue<MentionFeatures> {
  return new PriorityQueue<MentionFeatures>(ranksBefore);
}

/** Queues the mentions among `ids` that rank below `x`: only they can depend on x's decision. */
export function queueBelow(
  state: ClusterState,
  queue: PriorityQueue<MentionFeatures>,
  x: MentionFeatures,
  ids: Iterable<string>,
): void {
  for (const id of ids) {
    const f = state.features.get(id);
    if (f && ranksBefore(x, f)) queue.push(f);
  }
}

/**
 * Re-decides queued mentions in rank order until nothing changes. A change only ever queues
 * lower-ranked mentions, so each is decided after everything it depends on.
 */
export function settle(
  state: ClusterState,
  queue: PriorityQueue<MentionFeatures>,
  touched: Set<string>,
): void {
  const v = view(state);
  for (let x = queue.pop(); x !== undefined; x = queue.pop()) {
    if (!state.features.has(x.id)) continue;
    const old = state.centreOf.get(x.id);
    const next = chooseCentre(v, x);
    if (old === next) continue;
    if (old !== undefined) {
      state.membersOf.get(old)?.delete(x.id);
      touched.add(old);
      queueBelow(state, queue, x, old === x.id ? v.members(old) : v.neighbours(old));
    }
    state.centreOf.set(x.id, next);
    const members = state.membersOf.get(next) ?? new Set<string>();
    members.add(x.id);
    state.membersOf.set(next, members);
    touched.add(next);
    queueBelow(state, queue, x, next === x.id ? v.neighbours(x.id) : members);
  }
}

export function recordClusters(state: ClusterState, centres: ReadonlySet<string>): ClusterChange {
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const c of centres) {
    const old = state.clusterIdOfCentre.get(c);
    const members = state.membersOf.get(c);
    const ids = members && state.centreOf.get(c) === c ? [...members].sort() : [];
    const id = ids.length > 0 ? clusterId(ids) : undefined;
    if (old === id) continue;
    if (old !== undefined) {
      removed.add(old);
      state.clusterIdOfCentre.delete(c);
    }
    if (id === undefined) {
      state.membersOf.delete(c);
      continue;
    }
    added.add(id);
    state.clusterIdOfCentre.set(c, id);
    state.clusters.set(id, ids);
    for (const mid of ids) state.clusterOfMention.set(mid, id);
  }
  for (const id of removed) if (!added.has(id)) state.clusters.delete(id);
  return {
    changed: [...added].filter((id) => !removed.has(id)).sort(),
    removed: [...removed].filter((id) => !added.has(id)).sort(),
  };
}

/** The mentions of one cluster, sorted by id. */
export function clusterMembers(state: ClusterState, id: string): EventMention[] {
  const members = state.clusters.get(id);
  if (!members)
    throw new SitrepError('NOT_FOUND', `no cluster ${id}: use an id from addMentions or state.clusters`);
  return members.map((mid) => (state.features.get(mid) as MentionFeatures).mention);
}
