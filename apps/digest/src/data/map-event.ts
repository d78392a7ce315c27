/**
 * One GraphQL event mention → a DayEvent with one report, and the article → a SourceArticle.
 * Figures that are not one incident's toll (the API's `standing`: a total over a period or a
 * war, or a toll the text neither places nor dates) are counted, not carried as a toll.
 */
import type { EventKindName } from '@sitrep/schema/event-kinds';
import type { DatePrecision } from '@sitrep/schema/primitives';
import type { PersonGroup, Qualifier } from '@sitrep/schema/quantity';
import type {
  CanonicalSummary,
  CasualtyReport,
  DayEvent,
  DayPlace,
  FigureDispute,
  ReportedFigure,
  SourceArticle,
} from '../day-data.ts';
import type {
  DigestEventFragment,
  DigestFigureFragment,
  DigestRangeFragment,
  DigestSourceFragment,
} from './operations.generated.ts';
import { speakerName } from './speaker-name.ts';

const lower = <T extends string>(enumValue: string) => enumValue.toLowerCase() as T;

/** Null for a missing figure and for one that is not an incident's toll. */
function figure(f: DigestFigureFragment | null): ReportedFigure | null {
  if (f?.standing !== 'INCIDENT') return null;
  return {
    best: f.best,
    low: f.low,
    high: f.high,
    qualifier: lower<Qualifier>(f.qualifier),
    group: lower<PersonGroup>(f.group),
  };
}

const outletOf = (article: Pick<DigestSourceFragment, 'outlet' | 'outletName'>) =>
  article.outlet?.name ?? article.outletName;

/**
 * Who carried the figure, speaker first and outlet last: the claim's speaker (the resolved
 * actor, else their organisation, else their words when they read as a name), then
 * "told Reuters"-style relays, then the article's outlet. Names repeat in real chains
 * ("Reuters ... told Reuters"); they are said once.
 */
export function reportedBy(f: DigestFigureFragment | null, article: DigestSourceFragment): string[] {
  const chain: string[] = [];
  const claim = f?.claims[0];
  const s = claim?.speaker;
  const name = s ? (s.actor?.actor?.name ?? s.affiliation?.name ?? speakerName(s.text)) : null;
  if (name) chain.push(name);
  for (const v of claim?.via ?? []) chain.push(v.name);
  const outlet = outletOf(article);
  if (outlet) chain.push(outlet);
  return chain.filter((n, i) => chain.indexOf(n) === i);
}

/** Only a public web address is a link; a file path on the ingesting machine is nobody's source. */
const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export function toSource(a: DigestSourceFragment): SourceArticle {
  return {
    id: a.slug,
    headline: a.headline,
    outlet: outletOf(a),
    url: webUrl(a.url),
    publishedOn: a.publishedAt.date,
  };
}

const DISPLACED = new Set(['DISPLACED', 'FLED']);

/** The largest displaced or fled figure the event's claims give, running totals left out. */
function displaced(e: DigestEventFragment): number | null {
  const values = e.claims.flatMap((c) =>
    c.quantities.filter((q) => DISPLACED.has(q.measure) && !q.cumulative).map((q) => q.best),
  );
  return values.length ? Math.max(...values) : null;
}

type Location = Pick<NonNullable<DigestEventFragment['location']>, 'name'> & {
  place: Omit<NonNullable<NonNullable<DigestEventFragment['location']>['place']>, 'slug'> | null;
};

/** The resolved place when there is one (its point and kind for the map), else the words of the text. */
function dayPlace(location: Location): DayPlace {
  const place = location.place;
  if (!place) return { name: location.name, within: [], point: null };
  return {
    name: place.name,
    within: place.parents.map((p) => p.name),
    point: place.coordinates ? { lat: place.coordinates.lat, lon: place.coordinates.lon } : null,
    kind: lower<string>(place.kind),
  };
}

export function toDayEvent(e: DigestEventFragment): DayEvent {
  const killed = figure(e.casualties.killed);
  const injured = figure(e.casualties.injured);
  const source = killed ? e.casualties.killed : injured ? e.casualties.injured : null;
  const casualties: CasualtyReport[] =
    killed || injured
      ? [{ articleId: e.article.slug, killed, injured, reportedBy: reportedBy(source, e.article) }]
      : [];
  const totals = [e.casualties.killed, e.casualties.injured].filter(
    (f) => f && f.standing !== 'INCIDENT',
  ).length;
  const place = e.location?.place;
  return {
    id: e.slug,
    kind: lower<EventKindName>(e.kind),
    summary: e.summary,
    start: e.occurred.start,
    end: e.occurred.end,
    tense: e.occurred.tense === 'SCHEDULED' ? 'scheduled' : 'past',
    dateText: e.occurred.text,
    precision: lower<DatePrecision>(e.occurred.precision),
    place: e.location ? dayPlace(e.location) : null,
    country: place?.country ?? place?.parents.find((p) => p.country)?.country ?? null,
    actors: [...new Set(e.participants.map((p) => p.actor.actor?.name ?? p.actor.name))],
    vote: e.vote,
    count: e.count,
    casualties,
    displaced: displaced(e),
    totals,
    articleIds: [e.article.slug],
    canonical: canonicalSummary(e.canonical),
  };
}

/** Each value once, with everyone who gave it (a fragment of a speaker gives way to the outlet). */
function dispute(measure: FigureDispute['measure'], range: DigestRangeFragment): FigureDispute {
  const byValue = new Map<number, string[]>();
  for (const r of range.reports) {
    const who = speakerName(r.reportedBy) ?? outletOf(r.article) ?? 'unattributed';
    const list = byValue.get(r.value) ?? [];
    if (!list.includes(who)) list.push(who);
    byValue.set(r.value, list);
  }
  return {
    measure,
    competing: [...byValue].sort(([a], [b]) => a - b).map(([value, reportedBy]) => ({ value, reportedBy })),
  };
}

/**
 * The highest toll two independent sources stand behind: each source's highest figure, then the
 * second highest of those ("90" from one monitor and "87" from two others confirm 87). One
 * source's figure alone, however large, confirms nothing.
 */
function confirmed(range: DigestRangeFragment | null): number | null {
  if (!range) return null;
  const bySource = new Map<string, number>();
  for (const r of range.reports)
    bySource.set(r.reportedBy, Math.max(r.value, bySource.get(r.reportedBy) ?? 0));
  return [...bySource.values()].sort((a, b) => b - a)[1] ?? null;
}

function canonicalSummary(c: DigestEventFragment['canonical']): CanonicalSummary | null {
  if (!c) return null;
  const disputes: FigureDispute[] = [];
  for (const measure of ['killed', 'injured'] as const) {
    const f = c.figures[measure];
    if (f?.disputed) disputes.push(dispute(measure, f));
  }
  const place = c.location?.place;
  return {
    id: c.slug,
    kind: lower<EventKindName>(c.kind),
    place: c.location ? dayPlace(c.location) : null,
    country: place?.country ?? place?.parents.find((p) => p.country)?.country ?? null,
    start: c.occurred.start,
    end: c.occurred.end,
    precision: lower<DatePrecision>(c.occurred.precision),
    killedConfirmed: confirmed(c.figures.killed),
    killedBest: c.figures.killed?.best ?? null,
    injuredBest: c.figures.injured?.best ?? null,
    ...c.corroboration,
    disputes,
  };
}
