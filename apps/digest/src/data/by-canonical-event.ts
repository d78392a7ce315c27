/**
 * The API returns events as each article reports them (mentions). The digest reports an event
 * once, with every article's figures beside each other: mentions of one canonical event are one
 * story. Which mentions are one event is decided in one place only, by clustering
 * (@sitrep/cluster, run by the ingest pipeline); a mention not clustered yet is a story of its
 * own. The digest has no rule of its own for it.
 */
import type { DayEvent } from '../day-data.ts';
import { maxBest } from '../word-figures.ts';

export function byCanonicalEvent(mentions: readonly DayEvent[]): DayEvent[] {
  const groups = new Map<string, DayEvent[]>();
  for (const m of mentions) {
    const key = m.canonical ? m.canonical.id : m.id;
    const g = groups.get(key);
    if (!g) groups.set(key, [m]);
    else if (!g.some((x) => x.id === m.id)) g.push(m);
  }
  return [...groups.values()].map((group) => {
    // The report with the most deaths, then a place, then the longest summary speaks for the event.
    const lead = [...group].sort(
      (a, b) =>
        maxBest(b.casualties, 'killed') - maxBest(a.casualties, 'killed') ||
        Number(b.place !== null) - Number(a.place !== null) ||
        b.summary.length - a.summary.length,
    )[0]!;
    return {
      ...lead,
      place: lead.place ?? group.find((m) => m.place)?.place ?? null,
      country: lead.country ?? group.find((m) => m.country)?.country ?? null,
      actors: [...new Set(group.flatMap((m) => m.actors))],
      casualties: group.flatMap((m) => m.casualties),
      displaced:
        Math.max(-1, ...group.map((m) => m.displaced ?? -1)) < 0
          ? null
          : Math.max(...group.map((m) => m.displaced ?? 0)),
      totals: group.reduce((n, m) => n + m.totals, 0),
      articleIds: [...new Set(group.flatMap((m) => m.articleIds))],
      vote: lead.vote ?? group.find((m) => m.vote)?.vote ?? null,
      count: lead.count ?? group.find((m) => m.count !== null)?.count ?? null,
    };
  });
}
