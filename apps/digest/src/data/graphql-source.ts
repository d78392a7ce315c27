/**
 * DayData from the GraphQL API, in three operations per day: the events of the eight days the
 * chart and the top box cover (paged), the events announced for the month ahead, and the day's
 * articles with their quotations and the events they report.
 *
 * What an issue for day D holds:
 * - events that happened on D, events dated by their report on D (on or before D, never a
 *   certain day), and events of the previous week reported in D's articles (the 46 killed
 *   "on Thursday" reported on Friday lead Friday's issue, dated Thursday) — one story per
 *   canonical event;
 * - events announced for the month after D by articles published on or before D (an announced
 *   event without a date is left out: the API cannot select it by date);
 * - the quotation of the day from D's articles;
 * - a count, by reason, of the reports in D's articles that cannot be a day's story.
 */
import { INCIDENT_MAX_DAYS } from '@sitrep/schema/incident-figures';
import { addDays } from '../date-labels.ts';
import type { DayData, DayEvent, DayQuote, DayTally, LeftOut, SourceArticle } from '../day-data.ts';
import { counted, maxBest } from '../word-figures.ts';
import { byCanonicalEvent } from './by-canonical-event.ts';
import type { DaySource } from './day-source.ts';
import type { Executor } from './executors.ts';
import { toDayEvent, toSource } from './map-event.ts';
import {
  type DatePrecision,
  DigestArticlesDocument,
  type DigestArticlesQuery,
  DigestDaysDocument,
  type DigestEventFragment,
  DigestEventsDocument,
  type DigestEventsQuery,
} from './operations.generated.ts';
import { pickQuote, type QuoteClaim } from './pick-quote.ts';

type ArticleNode = DigestArticlesQuery['articles']['edges'][number]['node'];

/** A day's stories: dated to a day or a week, or by their report; months and years are context. */
const STORY_PRECISIONS: DatePrecision[] = ['DAY', 'WEEK', 'REPORTED'];
/** The top box compares the day with the same day a week before: eight days are read. */
const DAYS_READ = 8;

async function allEvents(
  run: Executor,
  from: string,
  to: string,
  scheduled: boolean,
): Promise<DigestEventFragment[]> {
  const out: DigestEventFragment[] = [];
  let after: string | null = null;
  do {
    const r: DigestEventsQuery = await run(DigestEventsDocument, {
      from,
      to,
      scheduled,
      precisions: scheduled ? null : STORY_PRECISIONS,
      after,
    });
    out.push(...r.events.edges.map((e) => e.node));
    after = r.events.pageInfo.hasNextPage ? r.events.pageInfo.endCursor : null;
  } while (after);
  return out;
}

async function allArticles(run: Executor, date: string): Promise<ArticleNode[]> {
  const out: ArticleNode[] = [];
  let after: string | null = null;
  do {
    const r: DigestArticlesQuery = await run(DigestArticlesDocument, { date, after });
    out.push(...r.articles.edges.map((e) => e.node));
    after = r.articles.pageInfo.hasNextPage ? r.articles.pageInfo.endCursor : null;
  } while (after);
  return out;
}

const DAY_MS = 86_400_000;
/** More days than a week covers, or only a month or a year: a period, never one day's incident. */
function coversPeriod(o: { start: string | null; end: string | null; precision: string }): boolean {
  if (o.precision === 'MONTH' || o.precision === 'YEAR' || o.precision === 'month' || o.precision === 'year')
    return true;
  if (!o.start || !o.end) return false;
  return (Date.parse(o.end) - Date.parse(o.start)) / DAY_MS + 1 > INCIDENT_MAX_DAYS;
}

/**
 * One of a day's events that may be another told at a coarser or finer place: the places nest
 * (Khan Sheikhoun lies within Idleb Governorate) and the kinds agree (the same, or an "attack"
 * that names no means). Clustering decides which reports are one event; this only keeps the day's
 * sum from counting such a pair twice when clustering kept them apart.
 */
function nestedTwin(a: DayEvent, b: DayEvent): boolean {
  if (!a.place || !b.place || a.id === b.id) return false;
  const nest =
    a.place.name === b.place.name ||
    a.place.within.includes(b.place.name) ||
    b.place.within.includes(a.place.name);
  return nest && (a.kind === b.kind || a.kind === 'attack' || b.kind === 'attack');
}

/**
 * Per day: for each event of that one day, its highest incident figure, summed over events
 * (figures from different sources for one event are never added; of two events that may be one
 * told at nesting places, `nestedTwin`, only the higher toll counts). Events dated by their
 * report, and ranges of days, are left out: the chart shows days events are known to fall on.
 */
export function talliesByDay(events: readonly DayEvent[], date: string): DayTally[] {
  return Array.from({ length: DAYS_READ }, (_, i) => {
    const d = addDays(date, i - (DAYS_READ - 1));
    const sameDay = events.filter(
      (e) => e.tense === 'past' && e.precision === 'day' && e.start === d && (e.end ?? d) === d,
    );
    const killedOf = (e: DayEvent) => (counted(e.casualties, 'killed') ? maxBest(e.casualties, 'killed') : 0);
    // an event whose nesting twin has the higher toll (ties: the earlier id) is counted in it
    const onDay = sameDay.filter(
      (e) =>
        !sameDay.some(
          (o) =>
            nestedTwin(e, o) && (killedOf(o) > killedOf(e) || (killedOf(o) === killedOf(e) && o.id < e.id)),
        ),
    );
    const sum = (values: (number | null)[]) => {
      const known = values.filter((v): v is number => v !== null);
      return known.length ? known.reduce((a, b) => a + b, 0) : null;
    };
    const measure = (e: DayEvent, m: 'killed' | 'injured') =>
      counted(e.casualties, m) ? maxBest(e.casualties, m) : null;
    return {
      date: d,
      killed: sum(onDay.map((e) => measure(e, 'killed'))),
      injured: sum(onDay.map((e) => measure(e, 'injured'))),
      displaced: sum(onDay.map((e) => e.displaced)),
    };
  });
}

/** The reports in the day's articles that no story, diplomacy item or announcement carries, by reason. */
function leftOut(articles: readonly ArticleNode[], shown: ReadonlySet<string>, weekStart: string): LeftOut {
  const out: LeftOut = { undated: 0, periods: 0, older: 0 };
  const seen = new Set<string>();
  for (const e of articles.flatMap((a) => a.events)) {
    if (shown.has(e.slug) || (e.canonical && shown.has(e.canonical.slug)) || seen.has(e.slug)) continue;
    seen.add(e.slug);
    if (e.occurred.tense === 'SCHEDULED') continue; // announced for later: "What's next" when dated
    if (coversPeriod(e.occurred)) out.periods++;
    else if (e.occurred.start === null) out.undated++;
    else if ((e.occurred.end ?? e.occurred.start) < weekStart) out.older++;
  }
  return out;
}

export async function dayFromGraphql(run: Executor, date: string): Promise<DayData> {
  const weekStart = addDays(date, -6);
  const [read, ahead, articles] = await Promise.all([
    allEvents(run, addDays(date, -(DAYS_READ - 1)), date, false),
    allEvents(run, addDays(date, 1), addDays(date, 31), true),
    allArticles(run, date),
  ]);
  const mentions = read.map(toDayEvent).filter((e) => !coversPeriod(e));
  const published = new Map<string, string | null>();
  for (const e of [...read, ...ahead]) published.set(e.article.slug, e.article.publishedAt.date);
  const publishedOn = (articleId: string) => published.get(articleId) ?? null;
  const reportedToday = new Set(articles.flatMap((a) => a.events.map((e) => e.slug)));
  const todays = byCanonicalEvent(
    mentions
      .filter((e) => e.tense === 'past')
      .filter((e) => {
        const onDay = (e.start ?? '') <= date && (e.end ?? e.start ?? '') >= date;
        const thisWeek = (e.end ?? e.start ?? '') >= weekStart;
        return onDay || (thisWeek && reportedToday.has(e.id));
      }),
    publishedOn,
  );
  const upcoming = byCanonicalEvent(
    ahead
      .filter((e) => e.article.publishedAt.date !== null && e.article.publishedAt.date <= date)
      .map(toDayEvent),
    publishedOn,
  );
  const sources = new Map<string, SourceArticle>();
  for (const e of [...read, ...ahead]) sources.set(e.article.slug, toSource(e.article));
  for (const a of articles) sources.set(a.slug, toSource(a));
  const quote: DayQuote | null = pickQuote(
    articles.flatMap((a) => a.claims.map((c): [string, QuoteClaim] => [a.slug, c])),
  );
  // what the issue carries, by mention and by canonical event
  const shown = new Set([...todays, ...upcoming].map((e) => e.canonical?.id ?? e.id));
  for (const m of mentions) if (m.canonical && shown.has(m.canonical.id)) shown.add(m.id);
  for (const e of ahead) shown.add(e.slug);
  return {
    date,
    events: todays,
    upcoming,
    quotes: quote ? [quote] : [],
    tallies: talliesByDay(byCanonicalEvent(mentions, publishedOn), date),
    leftOut: leftOut(articles, shown, weekStart),
    articles: [...sources.values()],
  };
}

export function graphqlSource(run: Executor, close: () => Promise<void> = async () => {}): DaySource {
  return {
    async daysWithEvents() {
      const r = await run(DigestDaysDocument, {});
      return r.timeline.filter((p) => p.eventCount > 0).map((p) => p.period);
    },
    day: (date) => dayFromGraphql(run, date),
    close,
  };
}
