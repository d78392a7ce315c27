/**
 * The API returns events as each article reports them (mentions). The digest reports an event
 * once, with every article's figures beside each other: mentions of one canonical event are one
 * story. Which mentions are one event is decided in one place only, by clustering
 * (@sitrep/cluster, run by the ingest pipeline); a mention not clustered yet is a story of its
 * own. The digest has no rule of its own for it.
 */
import type { DayEvent } from '../day-data.ts';
import { maxBest } from '../word-figures.ts';

/**
 * A sentence that opens with a page's tag list or share bar ("Tags Syria Idlib gas attack chlorine
 * Observatory Assad Warplanes carried out ...": where the list ends is not in the text) reads as
 * debris: another report's sentence speaks first.
 */
const FURNITURE_START = /^(?:Tags|Related|Share|Print|Read more)\b/;

/**
 * `publishedOn` gives an article's publication day. A report placed at the event's place (or
 * inside it) speaks for it, so the sentence shown is about that place; among those, the first
 * report (a follow-up days later tells it as background to something else), then the one with
 * the most deaths, then one with a place, then the longest summary. Its figures are listed first.
 */
export function byCanonicalEvent(
  mentions: readonly DayEvent[],
  publishedOn: (articleId: string) => string | null = () => null,
): DayEvent[] {
  const groups = new Map<string, DayEvent[]>();
  for (const m of mentions) {
    const key = m.canonical ? m.canonical.id : m.id;
    const g = groups.get(key);
    if (!g) groups.set(key, [m]);
    else if (!g.some((x) => x.id === m.id)) g.push(m);
  }
  return [...groups.values()].map((group) => {
    const day = (e: DayEvent) => publishedOn(e.articleIds[0] ?? '') ?? '9999';
    // the sentence shown is about the story's place: a report placed there, or inside it, speaks
    // first ("19 killed near the capital" is no sentence for a story in Khan Sheikhoun)
    const storyPlace = group[0]?.canonical?.place?.name ?? null;
    const here = (e: DayEvent) =>
      storyPlace === null ||
      (e.place !== null && (e.place.name === storyPlace || e.place.within.includes(storyPlace)));
    const ordered = [...group].sort(
      (a, b) =>
        Number(here(b)) - Number(here(a)) ||
        Number(!FURNITURE_START.test(b.summary)) - Number(!FURNITURE_START.test(a.summary)) ||
        day(a).localeCompare(day(b)) ||
        maxBest(b.casualties, 'killed') - maxBest(a.casualties, 'killed') ||
        Number(b.place !== null) - Number(a.place !== null) ||
        b.summary.length - a.summary.length,
    );
    const lead = ordered[0]!;
    // what the event is, where and when: clustering's account across the reports, when clustered
    const c = lead.canonical;
    const where = c?.place ? { place: c.place, country: c.country } : null;
    return {
      ...lead,
      ...(c && c.start !== null ? { kind: c.kind, start: c.start, end: c.end, precision: c.precision } : {}),
      ...(c && c.start === null ? { kind: c.kind } : {}),
      place: where?.place ?? lead.place ?? group.find((m) => m.place)?.place ?? null,
      country: where?.country ?? lead.country ?? group.find((m) => m.country)?.country ?? null,
      actors: [...new Set(group.flatMap((m) => m.actors))],
      casualties: ordered.flatMap((m) => m.casualties),
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
