import { SitrepError } from '@sitrep/schema/errors';
import { type BlockIndex, candidateFeatures, emptyBlockIndex, indexMention } from './block-index.ts';
import type { EventMention } from './event-mention.ts';
import { linked } from './link-rules.ts';
import {
  type ActorKindOf,
  type AncestorsOf,
  type Lookups,
  type MentionFeatures,
  mentionFeatures,
} from './mention-features.ts';
import type { NamesakeRegionOf } from './namesake-regions.ts';
import { rankQueue, recordClusters, settle } from './star-updates.ts';

export interface ClusterOptions {
  /** parents of a gazetteer place id, nearest first; without it only identical places nest */
  ancestorsOf?: AncestorsOf;
  /** kinds of known actors; without it every resolved perpetrator counts when comparing attacks */
  actorKindOf?: ActorKindOf;
  /** the province a bare town name may also mean (`namesakeRegions(places)`); without it, none */
  namesakeRegionOf?: NamesakeRegionOf;
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
  /**
   * For a state restored from part of a store (`restoreClusterState`): whether a mention's
   * links are all known. null: the state holds every mention, so all are.
   */
  readonly complete: ((id: string) => boolean) | null;
  /** mentions whose links an update needed but `complete` says are not all known */
  readonly faults: Set<string>;
}

export interface ClusterChange {
  /** clusters that are new or whose members changed (a changed cluster has a new id), sorted */
  changed: string[];
  /** cluster ids that no longer exist, sorted */
  removed: string[];
}

/** The lookups feature extraction reads, from the options (absent ones look nothing up). */
export function lookupsFrom(options: ClusterOptions): Lookups {
  return {
    ancestorsOf: options.ancestorsOf ?? (() => []),
    actorKindOf: options.actorKindOf ?? null,
    namesakeRegionOf: options.namesakeRegionOf ?? null,
  };
}

export function createClusterState(options: ClusterOptions = {}): ClusterState {
  return {
    lookups: lookupsFrom(options),
    features: new Map(),
    index: emptyBlockIndex(),
    adjacency: new Map(),
    centreOf: new Map(),
    membersOf: new Map(),
    clusterIdOfCentre: new Map(),
    clusters: new Map(),
    clusterOfMention: new Map(),
    complete: null,
    faults: new Set(),
  };
}

/** Indexes new mentions and records their links; returns the features of the mentions added. */
function link(state: ClusterState, mentions: readonly EventMention[]): MentionFeatures[] {
  const added: MentionFeatures[] = [];
  for (const m of mentions) {
    if (state.features.has(m.id)) continue;
    const f = mentionFeatures(m, state.lookups);
    const adj: string[] = [];
    for (const other of candidateFeatures(state.index, f)) {
      if (!linked(f, other)) continue;
      adj.push(other.id);
      state.adjacency.get(other.id)?.push(f.id);
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

/** The mentions of one cluster, sorted by id. */
export function clusterMembers(state: ClusterState, id: string): EventMention[] {
  return clusterMemberFeatures(state, id).map((f) => f.mention);
}

/** The features of one cluster's mentions, sorted by id. */
export function clusterMemberFeatures(state: ClusterState, id: string): MentionFeatures[] {
  const members = state.clusters.get(id);
  if (!members)
    throw new SitrepError('NOT_FOUND', `no cluster ${id}: use an id from addMentions or state.clusters`);
  return members.map((mid) => state.features.get(mid) as MentionFeatures);
}
