import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { SitrepError } from '@sitrep/schema/errors';
import { contentHash } from '@sitrep/schema/ids';

/** A canonical event as stored before a clustering step: its (stable) id, members and age. */
export interface StoredCluster {
  id: string;
  /** member mention (per-article event) ids */
  members: readonly string[];
  /** smaller is older: the order the store first recorded the id in */
  age: number;
}

/** What a step did to canonical ids, for the change feed. */
export interface CanonicalIdChanges {
  created: string[];
  updated: string[];
  /** [retired id, the id it was merged into] */
  merged: [string, string][];
  removed: string[];
}

export interface StableIdAssignment extends CanonicalIdChanges {
  /** the fresh clusters under their stable ids */
  events: CanonicalEvent[];
}

/** How many salted variants of a new cluster's id are tried before giving up (`createdIdCandidates`). */
const SALTS = 4;

/**
 * The ids a new cluster may take, in order: its member hash (what `clusterId` gives, so a fresh
 * store gets the ids it always got, and an event removed and brought back gets its id back), then
 * salted hashes for when a live event holds that id (it started with these members and grew).
 */
export function createdIdCandidates(hashId: string): string[] {
  const out = [hashId];
  for (let n = 1; n < SALTS; n++) out.push(`cev_${contentHash(`${hashId}\u0000${n}`).slice(0, 16)}`);
  return out;
}

/**
 * Gives the clusters a step produced (`fresh`, under member-hash ids) the ids of the stored
 * canonical events they continue, so an event keeps its id while reports join or leave it.
 *
 * `stored` are the stored events the step touched (every one with a member among the fresh
 * clusters' members or the removed mentions). Oldest first, each stored id goes to the fresh
 * cluster holding most of its members that has no id yet (ties: the cluster whose first member
 * id sorts first). A stored id whose clusters all took older ids is merged into the id of the
 * cluster holding most of its members: when two events merge, the older id survives. A stored id
 * with no member left in any fresh cluster is removed. Fresh clusters left over are created,
 * under the first of `createdIdCandidates` not in `live` (ids stored events hold now) nor
 * taken in this step.
 */
export function assignStableIds(
  stored: readonly StoredCluster[],
  fresh: readonly CanonicalEvent[],
  live: ReadonlySet<string>,
): StableIdAssignment {
  const freshOf = new Map<string, number>();
  fresh.forEach((e, i) => {
    for (const m of e.mentions) freshOf.set(m.eventId, i);
  });
  const firstMember = fresh.map((e) => e.mentions.map((m) => m.eventId).sort()[0] ?? '');
  const idOf: (string | null)[] = fresh.map(() => null);
  const out: CanonicalIdChanges = { created: [], updated: [], merged: [], removed: [] };
  const oldestFirst = [...stored].sort((a, b) => a.age - b.age || (a.id < b.id ? -1 : 1));
  for (const old of oldestFirst) {
    const overlap = new Map<number, number>();
    for (const m of old.members) {
      const i = freshOf.get(m);
      if (i !== undefined) overlap.set(i, (overlap.get(i) ?? 0) + 1);
    }
    const ranked = [...overlap].sort(
      ([a, na], [b, nb]) => nb - na || ((firstMember[a] as string) < (firstMember[b] as string) ? -1 : 1),
    );
    const free = ranked.find(([i]) => idOf[i] === null);
    if (free) {
      idOf[free[0]] = old.id;
      out.updated.push(old.id);
    } else if (ranked[0]) out.merged.push([old.id, idOf[ranked[0][0]] as string]);
    else out.removed.push(old.id);
  }
  const taken = new Set(live);
  for (const id of idOf) if (id !== null) taken.add(id);
  const events = fresh.map((e, i) => {
    let id = idOf[i] ?? null;
    if (id === null) {
      id = createdIdCandidates(e.id).find((c) => !taken.has(c)) ?? null;
      if (id === null)
        throw new SitrepError(
          'CONFLICT',
          `no free canonical id for cluster ${e.id} after ${SALTS} salts: every salted id is held by a live event`,
        );
      taken.add(id);
      out.created.push(id);
    }
    return id === e.id ? e : { ...e, id };
  });
  for (const list of [out.created, out.updated, out.removed]) list.sort();
  out.merged.sort(([a], [b]) => (a < b ? -1 : 1));
  return { events, ...out };
}
