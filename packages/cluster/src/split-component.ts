import { compatible, linked } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';

/**
 * Linked mentions form connected components, and single links can chain: a report of strikes
 * on "Aleppo" links one on al-Kalaseh and one on Bustan al-Qasr, which are not one event.
 * A component is therefore split into groups whose members are pairwise compatible. The split
 * reads only the member set (sorted most specific first, then by id), so it is deterministic
 * and independent of ingestion order.
 */
export function splitComponent(members: readonly MentionFeatures[]): MentionFeatures[][] {
  if (members.length <= 1) return [members.slice()];
  const ordered = [...members].sort(
    (a, b) =>
      b.placeLine.length - a.placeLine.length ||
      windowLength(a) - windowLength(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const groups: MentionFeatures[][] = [];
  for (const m of ordered) {
    let best: MentionFeatures[] | null = null;
    let bestLinks = 0;
    for (const g of groups) {
      if (!g.every((x) => compatible(m, x))) continue;
      const links = g.filter((x) => linked(m, x)).length;
      if (links > bestLinks) {
        best = g;
        bestLinks = links;
      }
    }
    if (best) best.push(m);
    else groups.push([m]);
  }
  return groups;
}

function windowLength(f: MentionFeatures): number {
  return f.window ? f.window.to - f.window.from : Number.MAX_SAFE_INTEGER;
}

/** Share of member pairs that are directly linked: 1 for a single mention. */
export function cohesion(members: readonly MentionFeatures[]): number {
  if (members.length <= 1) return 1;
  let pairs = 0;
  let links = 0;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      pairs++;
      if (linked(members[i] as MentionFeatures, members[j] as MentionFeatures)) links++;
    }
  return links / pairs;
}
