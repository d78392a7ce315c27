import type { Place } from '@sitrep/schema/place';
import { type ActorMatch, actorById, isContextual } from './actors.ts';

/**
 * The countries an article is about: those its places point to or, when it names no known place,
 * its named actors (not context words such as "the regime"); each country named at least a third
 * as often as the most named one, the most named first. Read from the mentions the analysis finds anyway.
 */
export function articleCountries(places: readonly Place[], actors: readonly ActorMatch[]): Set<string> {
  const counts = new Map<string, number>();
  const count = (country: string | null | undefined) => {
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  };
  for (const p of places) count(p.country);
  if (counts.size === 0) for (const a of actors) if (!isContextual(a)) count(actorById(a.id)?.country);
  const top = Math.max(0, ...counts.values());
  // most named first: the first is the country the article is about
  return new Set(
    [...counts]
      .filter(([, n]) => n * 3 >= top)
      .sort((a, b) => b[1] - a[1])
      .map(([c]) => c),
  );
}
