/**
 * Each edition's map shows exactly the events its text shows: a subscriber who follows Aleppo
 * gets Aleppo's points and an alt text naming Aleppo's places, not the whole day's. The day's
 * drawable items come with the issue (`IssueModel.mapSource`, one per story or diplomacy item,
 * under the item's `show` key); an edition's map is built from the items its `show` map keeps.
 *
 * Editions with the same events share one map (and one PNG, rendered once per set of events by
 * `CompiledIssue.mapFor`): the key is the set of event ids, and the Content-ID carries a hash of
 * it, so two emails showing different pictures never name them alike.
 */
import { createHash } from 'node:crypto';
import type { DayEvent } from '../day-data.ts';
import type { IssueModel } from '../issue-model.ts';
import { countryNames } from '../word-coverage.ts';
import { buildDayMap, type DayMap, FAMILY_COLOURS, MAX_PANELS, type MapFamily } from './day-map.ts';

/** A drawable item of the issue: the event under the `show` key of the story or diplomacy item that prints it. */
export interface MapSourceItem {
  key: string;
  event: DayEvent;
}

/** The legend's entries, each shown when the edition's map has a point of that family. */
export const MAP_LEGEND: { key: string; family: MapFamily; label: string; colour: string }[] = [
  { key: 'mapViolence', family: 'violence', label: 'Violence', colour: FAMILY_COLOURS.violence },
  {
    key: 'mapHumanitarian',
    family: 'humanitarian',
    label: 'Humanitarian',
    colour: FAMILY_COLOURS.humanitarian,
  },
  { key: 'mapDiplomacy', family: 'diplomacy', label: 'Diplomacy', colour: FAMILY_COLOURS.diplomacy },
];

/**
 * The slots of the panels after the first. The template is compiled once per issue, before any
 * edition's map is known, and an edition's events can fall into more theatres than the whole
 * day's do (three points in a row are one theatre; the two ends alone are two), so it holds a
 * block for every panel a map can have, each shown when the edition's map has that panel.
 */
export const MAP_MORE_PANELS = Array.from({ length: MAX_PANELS - 1 }, (_, i) => ({
  key: `mapPanel${i + 1}`,
  cid: `mapCid${i + 1}`,
  alt: `mapAlt${i + 1}`,
  caption: `mapCaption${i + 1}`,
}));

/** The show keys the map adds to an edition's `show` map: the section, each legend entry, each later panel. */
export function mapShowKeys(map: DayMap | null): Record<string, boolean> {
  const keys: Record<string, boolean> = { secMap: map !== null };
  for (const l of MAP_LEGEND) keys[l.key] = !!map?.families.some((f) => f.family === l.family);
  MAP_MORE_PANELS.forEach((p, i) => {
    keys[p.key] = (map?.panels.length ?? 0) > i + 1;
  });
  return keys;
}

const byEvents = new WeakMap<IssueModel, Map<string, DayMap | null>>();

/** The map of the items `show` keeps; the issue's own map when it keeps them all. */
export function editionMap(issue: IssueModel, show: Readonly<Record<string, boolean>>): DayMap | null {
  const items = issue.mapSource.filter((m) => show[m.key]);
  if (items.length === issue.mapSource.length) return issue.map;
  const events = [...new Map(items.map((m) => [m.event.id, m.event])).values()];
  const ids = events.map((e) => e.id).sort();
  let cache = byEvents.get(issue);
  if (!cache) {
    cache = new Map();
    byEvents.set(issue, cache);
  }
  const key = ids.join('\n');
  if (cache.has(key)) return cache.get(key)!;
  const edition = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const map = events.length
    ? buildDayMap(
        {
          date: issue.date,
          key: issue.edition === issue.date ? undefined : issue.edition,
          label: issue.shortDateLabel,
          events,
        },
        countryNames(events),
        edition,
      )
    : null;
  cache.set(key, map);
  return map;
}
