import type { PreparedDocument } from '../prepared-document.ts';
import { actorById, findActors, isContextual } from './actors.ts';
import { findPlaces, placeById } from './gazetteer.ts';

/**
 * The countries an article is about: those its places point to or, when it names no known place,
 * its named actors (not context words such as "the regime"); each country named at least a third
 * as often as the most named one. (Actors beside places would add little — an article that names
 * the Syrian government names Syrian places — and a pass over them cost 8% of the analysis.) "The government" in it is then that country's, and in a report from a war Sitrep
 * knows no place of, nobody's.
 */
export function articleCountries(doc: PreparedDocument): Set<string> {
  const counts = new Map<string, number>();
  const count = (country: string | null | undefined) => {
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  };
  const texts = [doc.article.headline, ...doc.sentences.map((s) => s.text)];
  for (const text of texts) for (const p of findPlaces(text)) count(placeById(p.id)?.country);
  if (counts.size === 0)
    for (const text of texts)
      for (const a of findActors(text)) if (!isContextual(a)) count(actorById(a.id)?.country);
  const top = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, n]) => n * 3 >= top).map(([c]) => c));
}
