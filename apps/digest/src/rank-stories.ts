/**
 * Which events lead the issue. The day's news first (incidents dated by the reports' own words
 * to the issue day or the day before), then the rest of the week, then events dated only by
 * their report; within each, severity (reported deaths weigh most, then injuries, then the kind
 * of violence), and corroboration (how many outlets report it) breaks ties, so a figure three
 * outlets carry outranks an equal one only one outlet carries. The lead is the
 * most severe corroborated incident: the highest death toll two independent sources stand
 * behind, else the most severe event at least two outlets report. A single report's figure,
 * however large, does not open the issue over what several confirm. It is the day's news: an
 * incident dated by the reports' own words to the issue day or the day before (the 46 killed
 * "on Thursday" reported on Friday) leads before one earlier in the week, and both before one
 * dated only by its report (on or before the day, never a certain day — often an earlier attack
 * recalled as background).
 * Only incident tolls count (the API's figure standing): a total over a period or a war never
 * ranks, and an event that gives nothing but such a total is no story (`isStory`).
 */
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import { addDays } from './date-labels.ts';
import type { DayEvent } from './day-data.ts';
import { maxBest } from './word-figures.ts';

/** Weights by kind for events with no figures: a chemical attack leads a day of shelling. */
const KIND_WEIGHT: Partial<Record<DayEvent['kind'], number>> = {
  chemical_attack: 40,
  airstrike: 20,
  barrel_bomb: 20,
  bombing: 20,
  shelling: 15,
  attack: 15,
  armed_clash: 12,
  territorial_change: 10,
  siege: 10,
  disappearance: 10,
  detention: 8,
  displacement: 8,
  evacuation: 6,
  humanitarian_pause: 5,
  aid_delivery: 4,
  property_destruction: 4,
};

/** The canonical event's best figure (what most independent sources give) when clustered, else the highest report. */
function toll(event: DayEvent, measure: 'killed' | 'injured'): number {
  const canonical = measure === 'killed' ? event.canonical?.killedBest : event.canonical?.injuredBest;
  return canonical ?? maxBest(event.casualties, measure);
}

export function severity(event: DayEvent): number {
  return toll(event, 'killed') * 10 + toll(event, 'injured') * 3 + (KIND_WEIGHT[event.kind] ?? 1);
}

/** Distinct outlets behind the event: the canonical event's count, else its articles (unclustered). */
export const corroboration = (event: DayEvent) => event.canonical?.outlets ?? new Set(event.articleIds).size;

/**
 * Violence and humanitarian events are stories (diplomacy has its own section), unless all they
 * give is a total, or clustering dates them to a month or a year (context, never a day's story).
 */
export const isStory = (event: DayEvent) =>
  eventKindInfo(event.kind).family !== 'diplomacy' &&
  onlyTotals(event) === false &&
  event.precision !== 'month' &&
  event.precision !== 'year';

/** An event whose every figure is a total over a period or a war: context, not a day's incident. */
export const onlyTotals = (event: DayEvent) => event.totals > 0 && event.casualties.length === 0;

type Ranked = { event: DayEvent; s: number; c: number };
const confirmedToll = (e: DayEvent) => e.canonical?.killedConfirmed ?? 0;

/** Where in `ranked` the lead among `candidates` is: the highest confirmed toll, else the first reported by two outlets. */
function leadIndex(candidates: readonly Ranked[], ranked: readonly Ranked[]): number | null {
  const best = Math.max(0, ...candidates.map((r) => confirmedToll(r.event)));
  const lead =
    best > 0 ? candidates.find((r) => confirmedToll(r.event) === best) : candidates.find((r) => r.c >= 2);
  return lead ? ranked.indexOf(lead) : null;
}

/** `date` is the issue day: its own incidents lead (a weekly edition's: those from `from`, its Monday, on). */
export function rankStories(events: readonly DayEvent[], date: string, from?: string): DayEvent[] {
  const ownDate = (r: Ranked) => r.event.precision === 'day' || r.event.precision === 'week';
  const dayBefore = from ?? addDays(date, -1);
  const onDay = (r: Ranked) =>
    ownDate(r) && (r.event.start ?? '') <= date && (r.event.end ?? r.event.start ?? '') >= dayBefore;
  // the day's news, then the rest of the week, then what is dated only by its report
  const tier = (r: Ranked) => (onDay(r) ? 0 : ownDate(r) ? 1 : 2);
  const ranked = events
    .filter(isStory)
    .map((event) => ({ event, s: severity(event), c: corroboration(event) }))
    .sort((a, b) => tier(a) - tier(b) || b.s - a.s || b.c - a.c || a.event.id.localeCompare(b.event.id));
  const lead =
    leadIndex(ranked.filter(onDay), ranked) ??
    leadIndex(ranked.filter(ownDate), ranked) ??
    leadIndex(ranked, ranked);
  if (lead !== null && lead > 0) ranked.unshift(...ranked.splice(lead, 1));
  return ranked.map(({ event }) => event);
}
