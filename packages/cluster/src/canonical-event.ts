import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { EVENT_KIND_NAMES, eventKindInfo } from '@sitrep/schema/event-kinds';
import { clusterId } from './cluster-id.ts';
import { type ClusterState, clusterMembers } from './cluster-state.ts';
import { cohesion } from './cohesion.ts';
import { contradictions } from './contradictions.ts';
import { corroborate } from './corroboration.ts';
import { dayNumber, isoFromDay } from './date-window.ts';
import type { EventMention } from './event-mention.ts';
import { figureRange } from './figure-range.ts';
import type { MentionFeatures } from './mention-features.ts';
import { originalSourceOf, outletOf } from './source-names.ts';

function dominantKind(mentions: readonly EventMention[]): CanonicalEvent['kind'] {
  const counts = new Map<CanonicalEvent['kind'], number>();
  for (const m of mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return [...counts].sort(
    (a, b) => b[1] - a[1] || EVENT_KIND_NAMES.indexOf(a[0]) - EVENT_KIND_NAMES.indexOf(b[0]),
  )[0]?.[0] as CanonicalEvent['kind'];
}

/** The days every dated mention allows; when they do not all overlap, the span they cover. */
function occurred(mentions: readonly EventMention[]): CanonicalEvent['occurred'] {
  const dated = mentions.filter((m) => m.occurred.start !== null && m.occurred.end !== null);
  if (dated.length === 0) return { start: null, end: null, precision: 'unknown' };
  const starts = dated.map((m) => dayNumber(m.occurred.start as string));
  const ends = dated.map((m) => dayNumber(m.occurred.end as string));
  let from = Math.max(...starts);
  let to = Math.min(...ends);
  if (from > to) [from, to] = [Math.min(...starts), Math.max(...ends)];
  const days = to - from + 1;
  const precision = days === 1 ? 'day' : days <= 7 ? 'week' : days <= 31 ? 'month' : 'year';
  return { start: isoFromDay(from), end: isoFromDay(to), precision };
}

/** Summarises mentions (already judged to be one event) into a canonical event. */
export function summarizeMentions(
  mentions: readonly EventMention[],
  features: readonly MentionFeatures[],
): CanonicalEvent {
  const sorted = [...mentions].sort((a, b) => (a.id < b.id ? -1 : 1));
  const kind = dominantKind(sorted);
  const precise = [...features].sort(
    (a, b) => b.placeLine.length - a.placeLine.length || (a.id < b.id ? -1 : 1),
  )[0];
  const figures = {
    killed: figureRange(sorted, 'killed'),
    injured: figureRange(sorted, 'injured'),
    missing: figureRange(sorted, 'missing'),
  };
  const contra = contradictions(sorted);
  return {
    id: clusterId(sorted.map((m) => m.id)),
    kind,
    family: eventKindInfo(kind).family,
    occurred: occurred(sorted),
    location: precise?.mention.location ?? sorted.find((m) => m.location)?.location ?? null,
    mentions: sorted.map((m) => ({
      eventId: m.id,
      articleId: m.articleId,
      outlet: outletOf(m)?.name ?? null,
      originalSource: originalSourceOf(m)?.name ?? null,
      kind: m.kind,
    })),
    corroboration: corroborate(sorted),
    figures,
    disputed: Object.values(figures).some((f) => f?.disputed === true) || contra.length > 0,
    contradictions: contra,
    cohesion: cohesion(features),
  };
}

/** The canonical event for a cluster id returned by `addMentions`. */
export function canonicalEvent(state: ClusterState, id: string): CanonicalEvent {
  const mentions = clusterMembers(state, id);
  return summarizeMentions(
    mentions,
    mentions.map((m) => state.features.get(m.id) as MentionFeatures),
  );
}
