import type { Actor } from '@sitrep/schema/actor';
import type { CanonicalEvent, FigureRange, FigureReport } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { contentHash } from '@sitrep/schema/ids';
import type { Place } from '@sitrep/schema/place';
import type { SitrepStore } from '@sitrep/store/store';
import {
  syntheticActors,
  syntheticArticles,
  syntheticOutlets,
  syntheticPlaces,
} from '@sitrep/store/synthetic';

/**
 * The synthetic corpus's gazetteer with the world gazetteer's facts on some places and none on
 * others (as a store holds both): coordinates, admin names and GeoNames ids on the cities, only a
 * name on the neighbourhoods, so exports meet located and unlocated events alike.
 */
export function fixturePlaces(): Place[] {
  return syntheticPlaces().map((p, i) => {
    if (p.kind === 'neighbourhood') return { ...p, country: null };
    if (p.kind !== 'city') return p;
    const governorate = syntheticPlaces().find((g) => g.id === p.parentId);
    return {
      ...p,
      lat: 32 + (i % 5) * 0.7 + 0.25,
      lon: 35.5 + (i % 7) * 0.6 + 0.25,
      admin1: governorate?.name.replace(/ Governorate$/, '') ?? null,
      admin2: `${p.name} District`,
      geonamesId: 170_000 + i,
      population: 10_000 * (i + 1),
    };
  });
}

const CATEGORIES: Record<string, Actor['category']> = {
  'Syrian government forces': 'state_forces',
  'Russian Air Force': 'external_forces',
  'Free Syrian Army': 'rebel_group',
  'Jabha Shamiya': 'rebel_group',
  'Nour al-Din al-Zinki': 'rebel_group',
  'Islamic State': 'rebel_group',
};

export function fixtureActors(): Actor[] {
  return syntheticActors().map((a) => ({ ...a, category: CATEGORIES[a.name] ?? null }));
}

function range(reports: FigureReport[]): FigureRange | null {
  if (reports.length === 0) return null;
  const values = reports.map((r) => r.value);
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const disputed = new Set(values).size > 1;
  return {
    low: Math.min(...values),
    best,
    high: Math.max(...values),
    rule: 'fixture: most reported, ties to the lower',
    disputed,
    competing: disputed ? reports : [],
    reports,
  };
}

/** A canonical event over the given reports, shaped as @sitrep/cluster shapes them. */
export function canonicalOf(
  members: readonly Event[],
  articles: ReadonlyMap<string, ExtractedArticle>,
): CanonicalEvent {
  const first = members[0]!;
  const report = (e: Event, measure: 'killed' | 'injured'): FigureReport[] => {
    const f = e.casualties[measure];
    const article = articles.get(e.articleId)!;
    return f
      ? [
          {
            value: f.best,
            qualifier: f.qualifier,
            reportedBy: article.outlet?.name ?? 'unknown',
            articleId: e.articleId,
            eventId: e.id,
            publishedAt: article.publishedAt.date,
          },
        ]
      : [];
  };
  const killed = range(members.flatMap((e) => report(e, 'killed')));
  const outlets = [...new Set(members.map((e) => articles.get(e.articleId)!.outlet!.id!))];
  return {
    id: `cev_${contentHash(
      members
        .map((m) => m.id)
        .sort()
        .join('\u0000'),
    ).slice(0, 16)}`,
    kind: first.kind,
    family: eventKindInfo(first.kind).family,
    occurred: { start: first.occurred.start, end: first.occurred.end, precision: first.occurred.precision },
    location: first.location,
    mentions: members.map((e) => ({
      eventId: e.id,
      articleId: e.articleId,
      outlet: articles.get(e.articleId)!.outlet!.id,
      originalSource: 'Syrian Observatory for Human Rights',
      kind: e.kind,
    })),
    corroboration: {
      outlets: outlets.length,
      independentSources: outlets.length,
      sources: [
        ...outlets.map((name) => ({ name, role: 'outlet' as const })),
        { name: 'Syrian Observatory for Human Rights', role: 'primary' as const },
      ],
    },
    figures: { killed, injured: range(members.flatMap((e) => report(e, 'injured'))), missing: null },
    disputed: killed?.disputed ?? false,
    contradictions: [],
    cohesion: members.length === 1 ? 1 : 0.8,
  };
}

/**
 * Fills a store with the synthetic corpus (`events` reports) and canonical events over them:
 * now and then a canonical event joins two reports of one family from neighbouring articles (their
 * figures differ, so they are disputed, as two outlets' tolls of one strike often are).
 * Articles are ingested in chunks so 100k events never sit in memory at once; canonical events
 * are built as they go and written at the end (the store replaces them in one transaction).
 */
export async function fillFixtureStore(store: SitrepStore, events: number, seed = 7): Promise<number> {
  await store.upsertPlaces(fixturePlaces());
  await store.upsertActors(fixtureActors());
  await store.upsertOutlets(syntheticOutlets());
  const canonical: CanonicalEvent[] = [];
  let chunk: ExtractedArticle[] = [];
  let held: { event: Event; article: ExtractedArticle } | null = null;
  let n = 0;
  const flush = async () => {
    if (chunk.length) await store.ingestArticles(chunk);
    chunk = [];
  };
  for (const article of syntheticArticles({ events, seed })) {
    chunk.push(article);
    for (const event of article.events) {
      n++;
      const articles = new Map([[article.id, article]]);
      if (
        held &&
        eventKindInfo(held.event.kind).family === eventKindInfo(event.kind).family &&
        held.article.id !== article.id &&
        n % 3 === 0
      ) {
        articles.set(held.article.id, held.article);
        canonical.push(canonicalOf([held.event, event], articles));
        held = null;
      } else {
        if (held) canonical.push(canonicalOf([held.event], new Map([[held.article.id, held.article]])));
        held = { event, article };
      }
    }
    if (chunk.length >= 500) await flush();
  }
  if (held) canonical.push(canonicalOf([held.event], new Map([[held.article.id, held.article]])));
  await flush();
  await store.replaceCanonicalEvents(canonical);
  return canonical.length;
}
