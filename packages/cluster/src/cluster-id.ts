import { contentHash } from '@sitrep/schema/ids';

/** `cev_` + 16 hex of the hash of the sorted member ids: the same members give the same id, in any order. */
export function clusterId(memberIds: readonly string[]): string {
  const sorted = [...memberIds].sort();
  return `cev_${contentHash(`cluster\u0000${sorted.join('\u0000')}`).slice(0, 16)}`;
}
