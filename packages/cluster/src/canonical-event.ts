import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { EVENT_KIND_NAMES, eventKindInfo } from '@sitrep/schema/event-kinds';
import { clusterId } from './cluster-id.ts';
import { type ClusterState, clusterMemberFeatures } from './cluster-state.ts';
import { cohesion } from './cohesion.ts';
import { contradictions } from './contradictions.ts';
import { corroborateSources } from './corroboration.ts';
import { dayNumber, isoFromDay } from './date-window.ts';
import type { EventMention } from './event-mention.ts';
import { figureRange } from './figure-range.ts';
import type { MentionFeatures } from './mention-features.ts';
import { mentionSources } from './source-names.ts';

/** The kind most members give; ties go to the kind listed first in EVENT_KIND_NAMES. */
function dominantKind(mentions: readonly EventMention[]): CanonicalEvent['kind'] {
  if (mentions.length === 1) return (mentions[0] as EventMention).kind;
  const counts = new Map<CanonicalEvent['kind'], number>();
  for (const m of mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  // one pass for the top kind: sorting every kind to read the first was the old way
  let best: CanonicalEvent['kind'] | undefined;
  let bestCount = 0;
  let bestRank = 0;
  for (const [kind, count] of counts) {
    const rank = EVENT_KIND_NAMES.indexOf(kind);
    if (best === undefined || count > bestCount || (count === bestCount && rank < bestRank)) {
      best = kind;
      bestCount = count;
      bestRank = rank;
    }
  }
  return best as CanonicalEvent['kind'];
}

/**
 * The days every mention with a date of its own allows; when they do not all overlap, the dates
 * most of them give. Mentions dated only by their report say "on or before", which the dated ones
 * narrow: they date the event only when no member has a date of its own, and then it is
 * "reported" on the earliest day any member reported it.
 */
function occurred(mentions: readonly EventMention[]): CanonicalEvent['occurred'] {
  const own = mentions.filter((m) => m.occurred.precision !== 'reported');
  if (own.length < mentions.length && !own.some((m) => m.occurred.start !== null)) {
    let first: string | null = null;
    for (const m of mentions)
      if (m.occurred.precision === 'reported' && (first === null || (m.occurred.end as string) < first))
        first = m.occurred.end;
    return { start: first, end: first, precision: 'reported' };
  }
  return ownDates(own);
}

function ownDates(mentions: readonly EventMention[]): CanonicalEvent['occurred'] {
  // latest start and earliest end (the days all allow), earliest start and latest end (the span);
  // Math.max/min pairwise, as over the whole list, so an unparsable date still gives NaN
  let latestStart = Number.NEGATIVE_INFINITY;
  let earliestEnd = Number.POSITIVE_INFINITY;
  let earliestStart = Number.POSITIVE_INFINITY;
  let latestEnd = Number.NEGATIVE_INFINITY;
  let dated = 0;
  for (const m of mentions) {
    const { start, end } = m.occurred;
    if (start === null || end === null) continue;
    dated++;
    const from = dayNumber(start);
    const to = dayNumber(end);
    latestStart = Math.max(latestStart, from);
    earliestStart = Math.min(earliestStart, from);
    earliestEnd = Math.min(earliestEnd, to);
    latestEnd = Math.max(latestEnd, to);
  }
  if (dated === 0) return { start: null, end: null, precision: 'unknown' };
  let from = latestStart;
  let to = earliestEnd;
  // The reports disagree ("on Tuesday" in most, a follow-up's "on Wednesday" or "last month" in
  // some): the dates most of them give, not the span of all, which would turn one day's attack
  // into a month's context.
  if (from > to) [from, to] = mostGiven(mentions);
  const days = to - from + 1;
  const precision = days === 1 ? 'day' : days <= 7 ? 'week' : days <= 31 ? 'month' : 'year';
  return { start: isoFromDay(from), end: isoFromDay(to), precision };
}

/** The [from, to] day numbers most dated mentions give; ties go to the narrower, then the earlier. */
function mostGiven(mentions: readonly EventMention[]): [number, number] {
  const counts = new Map<string, number>();
  for (const m of mentions)
    if (m.occurred.start !== null && m.occurred.end !== null) {
      const key = `${m.occurred.start} ${m.occurred.end}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  let best: [number, number] = [Number.NaN, Number.NaN];
  let bestCount = 0;
  for (const [key, count] of counts) {
    const [start, end] = key.split(' ') as [string, string];
    const range: [number, number] = [dayNumber(start), dayNumber(end)];
    const narrower = range[1] - range[0] < best[1] - best[0];
    const same = range[1] - range[0] === best[1] - best[0];
    if (
      bestCount === 0 ||
      count > bestCount ||
      (count === bestCount && (narrower || (same && range[0] < best[0])))
    ) {
      best = range;
      bestCount = count;
    }
  }
  return best;
}

/** The member placed most precisely (longest place line), the lowest id among equals. */
function mostPrecise(features: readonly MentionFeatures[]): MentionFeatures | undefined {
  let best = features[0];
  for (const f of features)
    if (
      best !== undefined &&
      (f.placeLine.length > best.placeLine.length ||
        (f.placeLine.length === best.placeLine.length && f.id < best.id))
    )
      best = f;
  return best;
}

/** Summarises mentions (already judged to be one event) into a canonical event. */
export function summarizeMentions(
  mentions: readonly EventMention[],
  features: readonly MentionFeatures[],
): CanonicalEvent {
  return summarize(mentions, features, null);
}

/** `summarizeMentions`, given the cluster id when the caller knows it (a state does: no second hash). */
function summarize(
  mentions: readonly EventMention[],
  features: readonly MentionFeatures[],
  knownId: string | null,
): CanonicalEvent {
  const sorted = [...mentions].sort((a, b) => (a.id < b.id ? -1 : 1));
  // each member's sources are read once here, then shared by the figures, the member list and corroboration
  const sources = sorted.map(mentionSources);
  const kind = dominantKind(sorted);
  const precise = mostPrecise(features);
  const figures = {
    killed: figureRange(sorted, 'killed', sources),
    injured: figureRange(sorted, 'injured', sources),
    missing: figureRange(sorted, 'missing', sources),
  };
  const contra = contradictions(sorted);
  return {
    id: knownId ?? clusterId(sorted.map((m) => m.id)),
    kind,
    family: eventKindInfo(kind).family,
    occurred: occurred(sorted),
    location: precise?.mention.location ?? sorted.find((m) => m.location)?.location ?? null,
    mentions: sorted.map((m, i) => ({
      eventId: m.id,
      articleId: m.articleId,
      outlet: sources[i]?.outlet?.name ?? null,
      originalSource: sources[i]?.original?.name ?? null,
      kind: m.kind,
    })),
    corroboration: corroborateSources(sources),
    figures,
    disputed:
      figures.killed?.disputed === true ||
      figures.injured?.disputed === true ||
      figures.missing?.disputed === true ||
      contra.length > 0,
    contradictions: contra,
    cohesion: cohesion(features),
  };
}

/** The canonical event for a cluster id returned by `addMentions`. */
export function canonicalEvent(state: ClusterState, id: string): CanonicalEvent {
  // each member's features are looked up once; they carry the mention
  const features = clusterMemberFeatures(state, id);
  // `id` is the hash of exactly these members' ids (state.clusters is keyed so), as summarize would compute
  return summarize(
    features.map((f) => f.mention),
    features,
    id,
  );
}
