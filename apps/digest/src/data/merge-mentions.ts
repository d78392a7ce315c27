/**
 * The API returns events as each article reports them (mentions). The digest reports an event
 * once, with every article's figures beside each other: mentions of one canonical event
 * (clustered by @sitrep/cluster in the store) are one event; before clustering, mentions of the
 * same kind, on the same days, at the same place are.
 */
import type { DayEvent } from '../day-data.ts';
import { maxBest } from '../word-figures.ts';

const keyOf = (e: DayEvent) =>
  e.canonical
    ? `canonical|${e.canonical.id}`
    : [e.kind, e.start ?? e.dateText ?? '?', e.end ?? '', e.place?.name.toLowerCase() ?? '?'].join('|');

export function mergeMentions(mentions: readonly DayEvent[]): DayEvent[] {
  const groups = new Map<string, DayEvent[]>();
  for (const m of mentions) {
    const k = keyOf(m);
    const g = groups.get(k);
    if (g) {
      if (!g.some((x) => x.id === m.id)) g.push(m);
    } else groups.set(k, [m]);
  }
  return [...groups.values()].map((group) => {
    // The mention with the most reported deaths, then the longest summary, speaks for the event.
    const lead = [...group].sort(
      (a, b) =>
        maxBest(b.casualties, 'killed') - maxBest(a.casualties, 'killed') ||
        b.summary.length - a.summary.length,
    )[0]!;
    return {
      ...lead,
      actors: [...new Set(group.flatMap((m) => m.actors))],
      casualties: group.flatMap((m) => m.casualties),
      articleIds: [...new Set(group.flatMap((m) => m.articleIds))],
      vote: lead.vote ?? group.find((m) => m.vote)?.vote ?? null,
      count: lead.count ?? group.find((m) => m.count !== null)?.count ?? null,
    };
  });
}
