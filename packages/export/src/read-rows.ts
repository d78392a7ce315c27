import type { Actor } from '@sitrep/schema/actor';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { CasualtyFigure, Event } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import type {
  ArticleSource,
  CanonicalEventFilter,
  CanonicalExportFacts,
  ExportSideFact,
  ScannedEvent,
  SitrepStore,
} from '@sitrep/store/store';
import { changedCanonicalEvents } from './changed-events.ts';
import { type CountryFacts, countryFacts } from './countries.ts';
import type { ExportQuery } from './export-filter.ts';
import type { ExportActor, ExportFigure, ExportRow } from './export-row.ts';
import { Lookup } from './lookup.ts';

/**
 * Rows per store read. Small enough that a batch's facts, rows and text die young: on 95k ACLED
 * rows, 250 took about two thirds of the CPU time 1000 took (1.6 s against 2.3), nearly all of it
 * garbage collection of batches that outlived the young generation; 100 and 500 were no better.
 */
export const EXPORT_BATCH = 250;

/** Reads the export's rows in batches: one batch of records and its references in memory at a time. */
export async function* readRows(
  store: SitrepStore,
  query: ExportQuery,
  options: { batch?: number; until?: string | null; records?: boolean } = {},
): AsyncGenerator<ExportRow[]> {
  const places = new Lookup<Place>((ids) => store.placesByIds(ids));
  const actors = new Lookup<Actor>((ids) => store.actorsByIds(ids));
  const outlets = new Lookup<Outlet>((ids) => store.outletsByIds(ids));
  const filter = {
    ...(query.kinds ? { kinds: query.kinds } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
  const countries = query.countries ? new Set(query.countries) : null;
  const keep = (row: ExportRow) => !countries || (row.country !== null && countries.has(row.country.iso2));
  const scan = { batch: options.batch ?? EXPORT_BATCH };

  if (query.level === 'report') {
    for await (const batch of store.scanEvents(filter, scan)) {
      const events = batch.map((b) => b.event);
      const articles = await store.articleSources(events.map((e) => e.articleId));
      await resolveReferences(events, places, actors);
      await outlets.fill(articles.flatMap((a) => (a?.outletId ? [a.outletId] : [])));
      const rows = batch.map((b, i) => reportRow(b, articles[i] ?? null, places, actors, outlets));
      yield rows.filter(keep);
    }
    return;
  }
  for await (const { facts: batch, changedAt, records } of factBatches(
    store,
    query,
    filter,
    scan,
    options.until ?? null,
    options.records ?? false,
  )) {
    await places.fillWithAncestors(batch.flatMap((f) => (f.location?.placeId ? [f.location.placeId] : [])));
    await actors.fill(
      batch.flatMap((f) => [...f.perpetrators, ...f.targets].flatMap((s) => (s.actorId ? [s.actorId] : []))),
    );
    await outlets.fill(batch.flatMap((f) => f.sources.flatMap((s) => (s.outletId ? [s.outletId] : []))));
    const rows = batch.map((f, i) =>
      canonicalRow(f, places, actors, outlets, changedAt?.get(f.id) ?? null, records?.[i] ?? null),
    );
    yield rows.filter(keep);
  }
}

/**
 * Canonical events' export facts in batches: the filtered scan of the facts alone, or with
 * `since` the events the change feed lists and their facts. `records`: the stored records too,
 * in the same order (JSON Lines writes them), else null.
 */
async function* factBatches(
  store: SitrepStore,
  query: ExportQuery,
  filter: CanonicalEventFilter,
  scan: { batch: number },
  until: string | null,
  withRecords: boolean,
): AsyncGenerator<{
  facts: CanonicalExportFacts[];
  changedAt: Map<string, string> | null;
  records: (CanonicalEvent | null)[] | null;
}> {
  if (query.since) {
    for await (const { events, changedAt } of changedCanonicalEvents(
      store,
      { ...query, since: query.since },
      until,
    )) {
      const found = await store.canonicalExportFacts(events.map((e) => e.id));
      const facts = found.flatMap((f) => f ?? []);
      const records = withRecords ? events.filter((_, i) => found[i]) : null;
      yield { facts, changedAt, records };
    }
    return;
  }
  for await (const facts of store.scanCanonicalExportFacts(filter, scan)) {
    const records = withRecords ? await store.canonicalEventsByIds(facts.map((f) => f.id)) : null;
    yield { facts, changedAt: null, records };
  }
}

/** Canonical events in batches: the filtered scan, or with `since` what the change feed lists. */
export async function* canonicalBatches(
  store: SitrepStore,
  query: ExportQuery,
  filter: CanonicalEventFilter,
  scan: { batch: number },
  until: string | null,
): AsyncGenerator<{ events: CanonicalEvent[]; changedAt: Map<string, string> | null }> {
  if (query.since) {
    yield* changedCanonicalEvents(store, { ...query, since: query.since }, until);
    return;
  }
  for await (const events of store.scanCanonicalEvents(filter, scan)) yield { events, changedAt: null };
}

/** Loads the places (and their ancestors, for the country) and actors a batch names. */
async function resolveReferences(
  events: readonly Pick<Event, 'location'>[] | readonly (Pick<Event, 'location'> & Partial<Event>)[],
  places: Lookup<Place>,
  actors: Lookup<Actor>,
): Promise<void> {
  await places.fillWithAncestors(events.flatMap((e) => (e.location?.placeId ? [e.location.placeId] : [])));
  await actors.fill(
    events.flatMap((e) =>
      ((e as Partial<Event>).participants ?? []).flatMap((p) => (p.actor.id ? [p.actor.id] : [])),
    ),
  );
}

function countryOf(place: Place | null, places: Lookup<Place>): CountryFacts | null {
  return countryFacts(places.countryOf(place));
}

function placeView(place: Place | null): ExportRow['place'] {
  if (!place) return null;
  return {
    name: place.name,
    kind: place.kind,
    lat: place.lat,
    lon: place.lon,
    admin1: place.admin1 ?? null,
    admin2: place.admin2 ?? null,
    geonamesId: place.geonamesId ?? null,
  };
}

/** The sides of the event by role, most-reported first (then by name), across its reports. */
function sides(
  events: readonly Event[],
  role: 'perpetrator' | 'target',
  actors: Lookup<Actor>,
): ExportActor[] {
  const tally = new Map<string, ExportActor>();
  for (const e of events) {
    const seen = new Set<string>();
    for (const p of e.participants) {
      if (p.role !== role) continue;
      const known = actors.get(p.actor.id);
      const name = known?.name ?? p.actor.name;
      const key = p.actor.id ?? name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = tally.get(key) ?? { name, category: known?.category ?? null, reports: 0 };
      entry.reports++;
      tally.set(key, entry);
    }
  }
  return [...tally.values()].sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
}

function fromFigure(figure: CasualtyFigure | null): ExportFigure | null {
  if (!figure) return null;
  return { best: figure.best, low: figure.low, high: figure.high, disputed: false, competing: [] };
}

/** The sides with the actors table's names and categories, most-reported first (then by name). */
function named(sides: readonly ExportSideFact[], actors: Lookup<Actor>): ExportActor[] {
  return sides
    .map((s) => {
      const known = actors.get(s.actorId);
      return { name: known?.name ?? s.name, category: known?.category ?? null, reports: s.reports };
    })
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
}

function canonicalRow(
  f: CanonicalExportFacts,
  places: Lookup<Place>,
  actors: Lookup<Actor>,
  outlets: Lookup<Outlet>,
  changedAt: string | null,
  record: CanonicalEvent | null,
): ExportRow {
  const place = places.get(f.location?.placeId);
  return {
    level: 'event',
    changedAt,
    id: f.id,
    kind: f.kind,
    family: f.family,
    start: f.start,
    end: f.end,
    precision: f.precision,
    location: f.location,
    place: placeView(place),
    country: countryOf(place, places),
    perpetrators: named(f.perpetrators, actors),
    targets: named(f.targets, actors),
    killed: f.killed,
    injured: f.injured,
    killedNotIncident: null,
    civiliansKilled: f.civiliansKilled,
    summary: f.summary ?? eventKindInfo(f.kind).label,
    sentence: f.sentence,
    sources: f.sources.map((s) => ({
      articleId: s.articleId,
      outlet: outlets.get(s.outletId)?.name ?? s.outletId,
      headline: s.headline,
      publishedDate: s.publishedDate,
    })),
    originalSources: f.originalSources,
    reports: f.reports,
    independentSources: f.independentSources,
    disputed: f.disputed,
    contradictions: f.contradictions,
    cohesion: f.cohesion,
    record,
  };
}

function reportRow(
  scanned: ScannedEvent,
  article: ArticleSource | null,
  places: Lookup<Place>,
  actors: Lookup<Actor>,
  outlets: Lookup<Outlet>,
): ExportRow {
  const e = scanned.event;
  const place = places.get(e.location?.placeId);
  // Only an incident's toll is a fatality count; a total over a period stays in the tags.
  const counted = scanned.counted.killed !== null;
  const killedFigure = e.casualties.killed;
  return {
    level: 'report',
    changedAt: null,
    id: e.id,
    kind: e.kind,
    family: eventKindInfo(e.kind).family,
    start: e.occurred.start,
    end: e.occurred.end,
    precision: e.occurred.precision,
    location: e.location,
    place: placeView(place),
    country: countryOf(place, places),
    perpetrators: sides([e], 'perpetrator', actors),
    targets: sides([e], 'target', actors),
    killed: counted ? fromFigure(killedFigure) : null,
    injured: scanned.counted.injured !== null ? fromFigure(e.casualties.injured) : null,
    killedNotIncident: !counted && killedFigure ? killedFigure.best : null,
    civiliansKilled: counted ? (killedFigure?.breakdown.civilians ?? null) : null,
    summary: e.summary,
    sentence: e.evidence[0]?.sentence ?? '',
    sources: [
      {
        articleId: e.articleId,
        outlet: outlets.get(article?.outletId)?.name ?? article?.outletId ?? null,
        headline: article?.headline ?? null,
        publishedDate: article?.publishedDate ?? null,
      },
    ],
    originalSources: [],
    reports: 1,
    independentSources: 1,
    disputed: scanned.disputed,
    contradictions: 0,
    cohesion: null,
    record: e,
  };
}
