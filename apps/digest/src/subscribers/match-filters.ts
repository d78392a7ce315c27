/**
 * Which parts of an issue a subscriber receives. Within one dimension any listed value
 * matches (places: Aleppo OR Idlib); across dimensions all that are set must match (in
 * Aleppo AND an air strike). Names compare case-insensitively; a kind filter also accepts a
 * family name, so "diplomacy" follows every diplomatic kind.
 */
import { type EventKindName, eventKindInfo } from '@sitrep/schema/event-kinds';
import type { IssueModel, MatchKeys } from '../issue-model.ts';
import { hasFilters, type SubscriberFilters } from './subscriber.ts';

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());

interface PreparedFilters {
  kinds: string[];
  /** places and countries: a country is matched as any place is */
  places: string[];
  actors: string[];
  minKilled: number | null;
}

export const prepareFilters = (f: SubscriberFilters): PreparedFilters => ({
  kinds: lower(f.kinds),
  places: lower([...f.places, ...(f.countries ?? [])]),
  actors: lower(f.actors),
  minKilled: f.minKilled ?? null,
});

const anyIn = (wanted: readonly string[], have: readonly string[]) =>
  wanted.length === 0 || have.some((h) => wanted.includes(h.toLowerCase()));

/** `tolls`: the item is a story, so the minimum-killed filter applies (never to diplomacy or what is next). */
export function matches(f: PreparedFilters, keys: MatchKeys, tolls = false): boolean {
  if (tolls && f.minKilled !== null && (keys.killed ?? -1) < f.minKilled) return false;
  if (f.kinds.length) {
    const family = eventKindInfo(keys.kind as EventKindName).family;
    if (!f.kinds.includes(keys.kind) && !f.kinds.includes(family)) return false;
  }
  return anyIn(f.places, keys.places) && anyIn(f.actors, keys.actors);
}

/** The `show` map of a recipient render: every key of the issue, true when the subscriber gets it. */
export function showMap(issue: IssueModel, filters: SubscriberFilters): Record<string, boolean> {
  const f = prepareFilters(filters);
  const all = !hasFilters(filters);
  const show: Record<string, boolean> = {};
  for (const s of issue.sources) show[s.key] = false;
  if (issue.quote?.sourceRef) show[`src${issue.quote.sourceRef - 1}`] = true;
  const section = (
    items: readonly { key: string; match: MatchKeys; sourceKeys: string[] }[],
    tolls = false,
  ) => {
    let any = false;
    for (const item of items) {
      const on = all || matches(f, item.match, tolls);
      show[item.key] = on;
      if (on) {
        any = true;
        for (const k of item.sourceKeys) show[k] = true;
      }
    }
    return any;
  };
  show['secStories'] = section(issue.stories, true);
  show['secDiplomacy'] = section(issue.diplomacy);
  show['secNext'] = section(issue.next);
  show['secSources'] = issue.sources.some((s) => show[s.key]);
  return show;
}

/** Nothing the subscriber follows happened: no email for them. */
export const isEmptyFor = (show: Record<string, boolean>) =>
  !show['secStories'] && !show['secDiplomacy'] && !show['secNext'];
