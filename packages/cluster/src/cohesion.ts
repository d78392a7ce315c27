import { linked } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';

/**
 * Share of member pairs that are directly linked (1 for a single mention). Members of a star
 * cluster are all linked to its centre but not always to each other: a low cohesion says the
 * reports agree with the centre more than with one another.
 */
export function cohesion(members: readonly MentionFeatures[]): number {
  if (members.length <= 1) return 1;
  let pairs = 0;
  let links = 0;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      pairs++;
      if (linked(members[i] as MentionFeatures, members[j] as MentionFeatures)) links++;
    }
  return Math.round((links / pairs) * 1000) / 1000;
}
