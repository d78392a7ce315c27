import type { Actor } from '@sitrep/schema/actor';
import type { CanonicalEvent, FigureRange } from '@sitrep/schema/canonical-event';
import type { CasualtyFigure, Event } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import type { ArticleSource, CanonicalEventFilter, ScannedEvent, SitrepStore } from '@sitrep/store/store';
import { changedCanonicalEvents } from './changed-events.ts';
import { type CountryFacts, countryFacts } from './countries.ts';
import type { ExportQuery } from './export-filter.ts';
import type { ExportActor, ExportFigure, ExportRow, ExportSource } from './export-row.ts';
import { Lookup } from './lookup.ts';

/** Reads the export's rows in batches: one batch of records and its references in memory at a time. */
export async function* readRows(
  store: SitrepStore,
  query: ExportQuery,
  options: { batch?: number; until?: string | null } = {},
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
  const scan = { batch: options.batch ?? 1_000 };

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
  for await (const { events: batch, changedAt } of canonicalBatches(
    store,
    query,
    filter,
    scan,
    options.until ?? null,
  )) {
    const memberIds = batch.flatMap((c) => c.mentions.map((m) => m.eventId));
    const members = await store.eventsByIds(memberIds);
    const byId = new Map(members.flatMap((e) => (e ? [[e.id, e] as const] : [])));
    const articleIds = [...new Set(batch.flatMap((c) => c.mentions.map((m) => m.articleId)))];
    const articles = new Map(
      (await store.articleSources(articleIds)).flatMap((a) => (a ? [[a.id, a] as const] : [])),
    );
    await resolveReferences(
      [...byId.values(), ...batch.flatMap((c) => (c.location ? [{ location: c.location }] : []))],
      places,
      actors,
    );
    await outlets.fill(batch.flatMap((c) => c.mentions.flatMap((m) => (m.outlet ? [m.outlet] : []))));
    const rows = batch.map((c) =>
      canonicalRow(
        c,
        c.mentions.flatMap((m) => byId.get(m.eventId) ?? []),
        articles,
        places,
        actors,
        outlets,
        changedAt?.get(c.id) ?? null,
      ),
    );
    yield rows.filter(keep);
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

function fromRange(range: FigureRange | null): ExportFigure | null {
  if (!range) return null;
  return {
    best: range.best,
    low: range.low,
    high: range.high,
    disputed: range.disputed,
    competing: range.disputed ? [...new Set(range.competing.map((r) => r.value))].sort((a, b) => a - b) : [],
  };
}

function fromFigure(figure: CasualtyFigure | null): ExportFigure | null {
  if (!figure) return null;
  return { best: figure.best, low: figure.low, high: figure.high, disputed: false, competing: [] };
}

function canonicalRow(
  c: CanonicalEvent,
  members: readonly Event[],
  articles: ReadonlyMap<string, ArticleSource>,
  places: Lookup<Place>,
  actors: Lookup<Actor>,
  outlets: Lookup<Outlet>,
  changedAt: string | null,
): ExportRow {
  const place = places.get(c.location?.placeId);
  // The report that speaks for the event: one of its own kind, else the first.
  const lead = members.find((m) => m.kind === c.kind) ?? members[0];
  const killed = fromRange(c.figures.killed);
  const withBest = members.find((m) => killed && m.casualties.killed?.best === killed.best);
  const sources: ExportSource[] = c.mentions.map((m) => {
    const article = articles.get(m.articleId);
    return {
      articleId: m.articleId,
      outlet: outlets.get(m.outlet)?.name ?? m.outlet,
      headline: article?.headline ?? null,
      publishedDate: article?.publishedDate ?? null,
    };
  });
  return {
    level: 'event',
    changedAt,
    id: c.id,
    kind: c.kind,
    family: c.family,
    start: c.occurred.start,
    end: c.occurred.end,
    precision: c.occurred.precision,
    location: c.location,
    place: placeView(place),
    country: countryOf(place, places),
    perpetrators: sides(members, 'perpetrator', actors),
    targets: sides(members, 'target', actors),
    killed,
    injured: fromRange(c.figures.injured),
    killedNotIncident: null,
    civiliansKilled: withBest?.casualties.killed?.breakdown.civilians ?? null,
    summary: lead?.summary ?? eventKindInfo(c.kind).label,
    sentence: lead?.evidence[0]?.sentence ?? '',
    sources,
    originalSources: c.corroboration.sources.filter((s) => s.role === 'primary').map((s) => s.name),
    reports: c.mentions.length,
    independentSources: c.corroboration.independentSources,
    disputed: c.disputed,
    contradictions: c.contradictions.length,
    cohesion: c.cohesion,
    record: c,
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
