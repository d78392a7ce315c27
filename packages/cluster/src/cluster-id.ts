import { contentHash } from '@sitrep/schema/ids';

/** `cev_` + 16 hex of the hash of the sorted member ids: the same members give the same id, in any order. */
export function clusterId(memberIds: readonly string[]): string {
  return clusterIdOfSorted([...memberIds].sort());
}

/** `clusterId` of ids already sorted (as a state keeps them): no copy, no second sort. */
export function clusterIdOfSorted(sortedIds: readonly string[]): string {
  return `cev_${contentHash(`cluster\u0000${sortedIds.join('\u0000')}`).slice(0, 16)}`;
}
