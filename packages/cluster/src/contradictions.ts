import type { Contradiction } from '@sitrep/schema/canonical-event';
import type { EventMention } from './event-mention.ts';
import { normalizeName } from './mention-features.ts';

type Side = Contradiction['denials'][number];

function speakerName(claim: EventMention['claims'][number]): string | null {
  const s = claim.speaker;
  return s ? ((s.affiliation ?? s.actor)?.name ?? s.text) : null;
}

/**
 * Denials set against the assertions of other speakers about the same event ("the government
 * dismissed reports ... as fabrications" against "the U.N. human rights office said hundreds of
 * men were missing"). Both sides are kept verbatim; Sitrep does not decide who is right.
 */
export function contradictions(mentions: readonly EventMention[]): Contradiction[] {
  // Most events carry no denial at all: say so before building a side for every claim.
  if (!mentions.some((m) => m.claims.some((c) => c.stance === 'deny'))) return [];
  const seen = new Set<string>();
  const denials: Side[] = [];
  const assertions: Side[] = [];
  for (const m of mentions)
    for (const claim of m.claims) {
      if (seen.has(claim.id)) continue;
      seen.add(claim.id);
      const side: Side = {
        claimId: claim.id,
        articleId: claim.articleId,
        speaker: speakerName(claim),
        stance: claim.stance,
        text: claim.text,
      };
      (claim.stance === 'deny' ? denials : assertions).push(side);
    }
  if (denials.length === 0) return [];
  const deniers = new Set(denials.map((d) => (d.speaker ? normalizeName(d.speaker) : '')));
  const opposed = assertions.filter((a) => !deniers.has(a.speaker ? normalizeName(a.speaker) : ''));
  if (opposed.length === 0) return [];
  const byId = (a: Side, b: Side) => (a.claimId < b.claimId ? -1 : 1);
  return [{ denials: denials.sort(byId), assertions: opposed.sort(byId) }];
}
