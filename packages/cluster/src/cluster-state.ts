import { SitrepError } from '@sitrep/schema/errors';
import { type BlockIndex, candidatesFor, emptyBlockIndex, indexMention } from './block-index.ts';
import { clusterId } from './cluster-id.ts';
import type { EventMention } from './event-mention.ts';
import { linked } from './link-rules.ts';
import { type AncestorsOf, type MentionFeatures, mentionFeatures } from './mention-features.ts';
import { splitComponent } from './split-component.ts';

export interface ClusterOptions {
  /** parents of a gazetteer place id, nearest first; without it only identical places nest */
  ancestorsOf?: AncestorsOf;
}

/**
 * Everything clustering remembers between batches. Updated in place by `addMentions`, so
 * ingesting one article costs the work of that article, not of the corpus.
 */
export interface ClusterState {
  readonly ancestorsOf: AncestorsOf;
  readonly features: Map<string, MentionFeatures>;
  readonly index: BlockIndex;
  /** union-find over linked mentions: parent pointers and the members of each root */
  readonly parent: Map<string, string>;
  readonly componentMembers: Map<string, string[]>;
  /** component root -> the cluster ids it splits into */
  readonly componentClusters: Map<string, string[]>;
  /** cluster id -> member mention ids, sorted */
  readonly clusters: Map<string, string[]>;
  readonly clusterOfMention: Map<string, string>;
}

export interface ClusterChange {
  /** clusters that are new or whose members changed (a changed cluster has a new id), sorted */
  changed: string[];
  /** cluster ids that no longer exist, because their mentions joined other clusters, sorted */
  removed: string[];
}

export function createClusterState(options: ClusterOptions = {}): ClusterState {
  return {
    ancestorsOf: options.ancestorsOf ?? (() => []),
    features: new Map(),
    index: emptyBlockIndex(),
    parent: new Map(),
    componentMembers: new Map(),
    componentClusters: new Map(),
    clusters: new Map(),
    clusterOfMention: new Map(),
  };
}

function find(state: ClusterState, id: string): string {
  let root = id;
  for (let p = state.parent.get(root); p !== undefined && p !== root; p = state.parent.get(root)) root = p;
  for (let cur = id; cur !== root; ) {
    const next = state.parent.get(cur) as string;
    state.parent.set(cur, root);
    cur = next;
  }
  return root;
}

/** Joins two components (the larger absorbs the smaller) and returns the surviving root. */
function union(state: ClusterState, a: string, b: string, removed: Set<string>): string {
  let ra = find(state, a);
  let rb = find(state, b);
  if (ra === rb) return ra;
  const ma = state.componentMembers.get(ra) as string[];
  const mb = state.componentMembers.get(rb) as string[];
  if (ma.length < mb.length) [ra, rb] = [rb, ra];
  const into = state.componentMembers.get(ra) as string[];
  for (const id of state.componentMembers.get(rb) as string[]) into.push(id);
  state.componentMembers.delete(rb);
  state.parent.set(rb, ra);
  for (const cid of state.componentClusters.get(rb) ?? []) removed.add(cid);
  state.componentClusters.delete(rb);
  return ra;
}

/**
 * Adds mentions (a mention id seen before is ignored) and re-clusters only the components they
 * join. Returns which cluster ids appeared and which disappeared.
 */
export function addMentions(state: ClusterState, mentions: readonly EventMention[]): ClusterChange {
  const removed = new Set<string>();
  const touched: string[] = [];
  for (const m of mentions) {
    if (state.features.has(m.id)) continue;
    const f = mentionFeatures(m, state.ancestorsOf);
    state.features.set(f.id, f);
    state.parent.set(f.id, f.id);
    state.componentMembers.set(f.id, [f.id]);
    const candidates = [...candidatesFor(state.index, f)].sort();
    for (const cid of candidates) {
      const other = state.features.get(cid) as MentionFeatures;
      if (linked(f, other)) union(state, f.id, cid, removed);
    }
    indexMention(state.index, f);
    touched.push(f.id);
  }
  const roots = new Set(touched.map((id) => find(state, id)));
  const added = new Set<string>();
  for (const root of [...roots].sort()) {
    for (const cid of state.componentClusters.get(root) ?? []) removed.add(cid);
    const members = (state.componentMembers.get(root) as string[]).map(
      (id) => state.features.get(id) as MentionFeatures,
    );
    const ids: string[] = [];
    for (const group of splitComponent(members)) {
      const memberIds = group.map((g) => g.id).sort();
      const id = clusterId(memberIds);
      ids.push(id);
      added.add(id);
      state.clusters.set(id, memberIds);
      for (const mid of memberIds) state.clusterOfMention.set(mid, id);
    }
    state.componentClusters.set(root, ids);
  }
  for (const id of removed) if (!added.has(id)) state.clusters.delete(id);
  return {
    changed: [...added].filter((id) => !removed.has(id)).sort(),
    removed: [...removed].filter((id) => !added.has(id)).sort(),
  };
}

/** The mentions of one cluster, sorted by id; throws on an unknown id. */
export function clusterMembers(state: ClusterState, id: string): EventMention[] {
  const members = state.clusters.get(id);
  if (!members) throw new SitrepError('NOT_FOUND', `no cluster ${id}: ask for an id returned by addMentions`);
  return members.map((mid) => (state.features.get(mid) as MentionFeatures).mention);
}
