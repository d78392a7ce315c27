/** One GraphQL event mention → a DayEvent with one report, and the article → a SourceArticle. */
import type { EventKindName } from '@sitrep/schema/event-kinds';
import type { PersonGroup, Qualifier } from '@sitrep/schema/quantity';
import type {
  CanonicalSummary,
  CasualtyReport,
  DayEvent,
  FigureDispute,
  ReportedFigure,
  SourceArticle,
} from '../day-data.ts';
import type { GqlEvent, GqlFigure, GqlSource } from './operation-types.ts';

const lower = <T extends string>(enumValue: string) => enumValue.toLowerCase() as T;

function figure(f: GqlFigure | null): ReportedFigure | null {
  if (!f) return null;
  return {
    best: f.best,
    low: f.low,
    high: f.high,
    qualifier: lower<Qualifier>(f.qualifier),
    group: lower<PersonGroup>(f.group),
  };
}

/**
 * Who carried the figure, speaker first and outlet last: the claim's speaker (the resolved
 * actor, else their organisation, else the words), then "told Reuters"-style relays, then the
 * article's outlet. Names repeat in real chains ("Reuters ... told Reuters"); they are said once.
 */
export function reportedBy(f: GqlFigure | null, article: GqlSource): string[] {
  const chain: string[] = [];
  const claim = f?.claims[0];
  const s = claim?.speaker;
  if (s) chain.push(s.actor?.actor?.name ?? s.affiliation?.name ?? s.actor?.name ?? s.text);
  for (const v of claim?.via ?? []) chain.push(v.name);
  const outlet = article.outlet?.name ?? article.outletName;
  if (outlet) chain.push(outlet);
  return chain.filter((name, i) => chain.indexOf(name) === i);
}

/**
 * The corpus path as a reader can find it in the repository ("corpus/001_….txt"), whichever
 * folder the ingest ran from; other paths are shown as stored.
 */
export function corpusPath(path: string | null): string | null {
  if (!path) return null;
  const i = path.replaceAll('\\', '/').lastIndexOf('/corpus/');
  return i >= 0 ? path.slice(i + 1) : path;
}

export function toSource(a: GqlSource): SourceArticle {
  return {
    id: a.slug,
    headline: a.headline,
    outlet: a.outlet?.name ?? a.outletName,
    url: a.url,
    corpusPath: corpusPath(a.sourcePath),
    publishedOn: a.publishedAt.date,
  };
}

export function toDayEvent(e: GqlEvent): DayEvent {
  const killed = figure(e.casualties.killed);
  const injured = figure(e.casualties.injured);
  const casualties: CasualtyReport[] =
    killed || injured
      ? [
          {
            articleId: e.article.slug,
            killed,
            injured,
            reportedBy: reportedBy(e.casualties.killed ?? e.casualties.injured, e.article),
          },
        ]
      : [];
  const place = e.location?.place;
  return {
    id: e.slug,
    kind: lower<EventKindName>(e.kind),
    summary: e.summary,
    start: e.occurred.start,
    end: e.occurred.end,
    tense: e.occurred.tense === 'SCHEDULED' ? 'scheduled' : 'past',
    dateText: e.occurred.text,
    place: e.location
      ? { name: place?.name ?? e.location.name, within: place ? place.parents.map((p) => p.name) : [] }
      : null,
    actors: [...new Set(e.participants.map((p) => p.actor.actor?.name ?? p.actor.name))],
    vote: e.vote,
    count: e.count,
    casualties,
    articleIds: [e.article.slug],
    canonical: canonicalSummary(e.canonical),
  };
}

function canonicalSummary(c: GqlEvent['canonical']): CanonicalSummary | null {
  if (!c) return null;
  const disputes: FigureDispute[] = [];
  for (const measure of ['killed', 'injured'] as const) {
    const f = c.figures[measure];
    if (f?.disputed) disputes.push({ measure, competing: f.competing });
  }
  return { id: c.slug, ...c.corroboration, disputes };
}
