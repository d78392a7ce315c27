import type { Claim } from '@sitrep/schema/claim';
import type { Event } from '@sitrep/schema/event';
import type { EntityRef } from '@sitrep/schema/primitives';
import { buildClaims } from '../claims/build-claims.ts';
import { findQuotes, type QuotePassage } from '../claims/find-quotes.ts';
import { actorById, findActors, standsIn, withActorContext } from '../entities/actors.ts';
import { articleCountries } from '../entities/article-countries.ts';
import { type EntityMatch, findPlaces, placeById } from '../entities/gazetteer.ts';
import { findEvents } from '../events/find-events.ts';
import { type LocalPlace, locationOf } from '../events/pick-location.ts';
import { dateByReport } from '../events/reported-on.ts';
import { findQuantities } from '../numbers/find-quantities.ts';
import { resolveArticlePlaces } from '../places/resolve-places.ts';
import type { PreparedDocument, Sentence } from '../prepared-document.ts';
import { sentenceDates } from './sentence-dates.ts';
import { standfirstSentences } from './standfirst-sentences.ts';

export interface Analysis {
  claims: Claim[];
  events: Event[];
  mentions: { actors: EntityRef[]; places: EntityRef[] };
}

/** Quoted words blanked to spaces, so offsets still line up with the sentence. */
function maskQuotes(sentences: readonly Sentence[], passages: readonly QuotePassage[]): string[] {
  const masked = sentences.map((s) => s.text);
  for (const p of passages) {
    for (let k = p.from.sentence; k <= p.to.sentence; k++) {
      const text = masked[k] as string;
      const from = k === p.from.sentence ? p.from.offset : 0;
      const to = Math.min(text.length, k === p.to.sentence ? p.to.offset : text.length);
      masked[k] = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    }
  }
  return masked;
}

/** "the group's de facto capital": a seat someone claims, not the country's capital the alias names. */
const DE_FACTO = /\bde facto\s+$/i;

/**
 * A place named as a side, not as where: "its Damascus ally", "pro-Kyiv media", "the Khartoum
 * government". Such a name is no article's place for "the town" to refer to.
 */
const SIDE_AFTER =
  /^[\s'’s]*(?:ally|allies|government|regime|authorities|officials|leadership|forces|troops|army|media|envoy|delegation|backers?)\b/i;
const SIDE_BEFORE = /(?:\b(?:pro|anti)-|\b(?:its|their|his|her)\s+)$/i;

/** "US-led coalition", "Saudi-backed forces": a side, not where ("Syria-based" may say where, "UK-based" may not: left as it is) */
const SIDE_COMPOUND = /^[-‐](?:led|backed|brokered|sponsored|funded|trained|allied|aligned|supported)\b/i;

/** a dateline that names its agency last: "PORT SUDAN, Sudan (Reuters)", "BEIRUT (AFP)" */
const AGENCY_AT_END = /^\p{Lu}[^()]*\((?:Reuters|AFP|AP|AA)\)$/u;

function namesASide(text: string, p: LocalPlace): boolean {
  return (
    SIDE_AFTER.test(text.slice(p.end, p.end + 30)) ||
    SIDE_BEFORE.test(text.slice(Math.max(0, p.start - 12), p.start))
  );
}

/** Places in a sentence, minus those inside a longer actor name ("... Cooperation in Europe"). */
function placesIn(text: string, actorSpans: readonly EntityMatch[]): LocalPlace[] {
  return findPlaces(text)
    .filter(
      (p) =>
        !actorSpans.some((a) => a.start <= p.start && a.end >= p.end && a.end - a.start > p.end - p.start) &&
        !DE_FACTO.test(text.slice(Math.max(0, p.start - 12), p.start)) &&
        !SIDE_COMPOUND.test(text.slice(p.end, p.end + 14)),
    )
    .flatMap((p) => {
      const place = placeById(p.id);
      return place ? [{ place, start: p.start, end: p.end }] : [];
    });
}

function unique(refs: EntityRef[]): EntityRef[] {
  const seen = new Set<string | null>();
  return refs.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/**
 * Sentences in, claims / events / entity mentions out. Deterministic: same document, same ids.
 * Words that name a side only within one war ("the regime") stand for the article's countries.
 */
export function analyseDocument(doc: PreparedDocument): Analysis {
  const { article } = doc;
  const sentences = [...standfirstSentences(doc), ...doc.sentences];
  // every actor named, context words included; the places they leave decide where the article is
  const named = sentences.map((s) => findActors(s.text));
  const headlineActors = findActors(article.headline);
  // the curated overlay first, then the world's names resolved with the whole article as context
  const datelines: LocalPlace[] = [];
  // an agency dateline trimmed from the body ("PORT SUDAN, Sudan (Reuters)") still says where the
  // report was filed: read as the dateline it was, before the first sentence, and then set aside
  const filed = article.dateline && AGENCY_AT_END.test(article.dateline) ? [`${article.dateline} -`] : [];
  const [headlinePlaces = [], ...rest] = resolveArticlePlaces({
    datelines,
    texts: [article.headline, ...filed, ...sentences.map((s) => s.text)],
    curated: [
      placesIn(article.headline, headlineActors),
      ...filed.map((text) => placesIn(text, [])),
      ...sentences.map((s, i) => placesIn(s.text, named[i] ?? [])),
    ],
    actors: [headlineActors, ...filed.map(() => []), ...named],
  });
  const places = rest.slice(filed.length);
  const countries = articleCountries(
    [...headlinePlaces, ...datelines, ...rest.flat()].map((p) => p.place),
    named.flat(),
  );
  const actorMatches = named.map((ms) => ms.filter((m) => standsIn(m, countries)));
  // the dateline's city places violence no sentence places, when it lies in the article's first country
  const first = countries.values().next().value;
  const dateline = datelines.find((p) => p.place.country === first && p.place.kind !== 'country');
  return withActorContext(countries, () =>
    analyse(doc, sentences, actorMatches, places, headlinePlaces, countries, dateline ?? null),
  );
}

function analyse(
  doc: PreparedDocument,
  sentences: readonly Sentence[],
  actorMatches: readonly EntityMatch[][],
  places: readonly LocalPlace[][],
  headlinePlaces: readonly LocalPlace[],
  countries: ReadonlySet<string>,
  dateline: LocalPlace | null,
): Analysis {
  const { article } = doc;
  const quantities = sentences.map((s) => findQuantities(s.text));
  const passages = findQuotes(sentences);
  const datesOf = sentenceDates(sentences, article.publishedAt);
  const { claims, bySentence } = buildClaims(article.id, sentences, quantities, passages, datesOf);
  // where "the city" is: the article's first place below a country, in the countries it is about
  const firstLocal = places
    .flatMap((ps, i) => ps.filter((p) => !namesASide((sentences[i] as Sentence).text, p)))
    .find(
      (p) => p.place.kind !== 'country' && (countries.size === 0 || countries.has(p.place.country ?? '')),
    );
  const found = findEvents({
    articleId: article.id,
    datesOf,
    sentences,
    masked: maskQuotes(sentences, passages),
    actors: actorMatches,
    quantities,
    places,
    claimBySentence: bySentence,
    fallback: firstLocal ? locationOf(firstLocal.place) : null,
    dateline: dateline ? locationOf(dateline.place) : null,
    countries,
  });
  const events = dateByReport(found, article.publishedAt);
  const actors = actorMatches.flat().flatMap((m) => {
    const a = actorById(m.id);
    return a ? [{ id: a.id, name: a.name }] : [];
  });
  return {
    claims,
    events,
    mentions: {
      actors: unique(actors),
      // the headline names places too, and names them first ("Suicide bomber kills 16 in Syria's Hasakah")
      places: unique(
        [...headlinePlaces, ...places.flat()].map((p) => ({
          id: p.place.id,
          name: p.place.name,
        })),
      ),
    },
  };
}
