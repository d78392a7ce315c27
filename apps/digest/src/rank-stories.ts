/**
 * Which events lead the issue. Severity first (reported deaths weigh most, then injuries,
 * then the kind of violence), corroboration (how many articles report it) breaks ties, so a
 * figure three outlets carry outranks an equal one only one outlet carries.
 */
import { eventKindInfo } from '@sitrep/schema/event-kinds';
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

export function severity(event: DayEvent): number {
  return (
    maxBest(event.casualties, 'killed') * 10 +
    maxBest(event.casualties, 'injured') * 3 +
    (KIND_WEIGHT[event.kind] ?? 1)
  );
}

export const corroboration = (event: DayEvent) => new Set(event.articleIds).size;

/** Violence and humanitarian events are stories; diplomacy has its own section. */
export const isStory = (event: DayEvent) => eventKindInfo(event.kind).family !== 'diplomacy';

export function rankStories(events: readonly DayEvent[]): DayEvent[] {
  return events
    .filter(isStory)
    .map((event) => ({ event, s: severity(event), c: corroboration(event) }))
    .sort((a, b) => b.s - a.s || b.c - a.c || a.event.id.localeCompare(b.event.id))
    .map(({ event }) => event);
}
