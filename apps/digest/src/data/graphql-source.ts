/**
 * DayData from the GraphQL API, in three operations per day: the events of the seven days the
 * chart covers (paged), the events announced for the month ahead, and the day's articles with
 * their quotations and the events they report.
 *
 * What an issue for day D holds:
 * - events that happened on D, and events of the previous week reported in D's articles (the
 *   46 killed "on Thursday" reported on Friday lead Friday's issue, dated Thursday);
 * - events announced for the month after D by articles published on or before D (an announced
 *   event without a date is left out: the API cannot select it by date);
 * - the quotation of the day from D's articles.
 */
import { addDays } from '../date-labels.ts';
import type { DayData, DayDeaths, DayEvent, DayQuote, SourceArticle } from '../day-data.ts';
import type { DaySource } from './day-source.ts';
import type { Executor } from './executors.ts';
import { toDayEvent, toSource } from './map-event.ts';
import { mergeMentions } from './merge-mentions.ts';
import type {
  DigestArticlesResult,
  DigestDaysResult,
  DigestEventsResult,
  GqlEvent,
  GqlQuoteClaim,
} from './operation-types.ts';
import { pickQuote } from './pick-quote.ts';

async function allEvents(run: Executor, from: string, to: string, scheduled: boolean): Promise<GqlEvent[]> {
  const out: GqlEvent[] = [];
  let after: string | null = null;
  do {
    const r: DigestEventsResult = await run<DigestEventsResult>('DigestEvents', {
      from,
      to,
      scheduled,
      after,
    });
    out.push(...r.events.edges.map((e) => e.node));
    after = r.events.pageInfo.hasNextPage ? r.events.pageInfo.endCursor : null;
  } while (after);
  return out;
}

async function allArticles(run: Executor, date: string) {
  const out: DigestArticlesResult['articles']['edges'][number]['node'][] = [];
  let after: string | null = null;
  do {
    const r: DigestArticlesResult = await run<DigestArticlesResult>('DigestArticles', { date, after });
    out.push(...r.articles.edges.map((e) => e.node));
    after = r.articles.pageInfo.hasNextPage ? r.articles.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** Deaths by day: for each event, its highest best figure, counted on its day; ranges of days are left out. */
export function deathsByDay(events: readonly DayEvent[], date: string): DayDeaths[] {
  return Array.from({ length: 7 }, (_, i) => {
    const d = addDays(date, i - 6);
    const onDay = events.filter((e) => e.tense === 'past' && e.start === d && (e.end ?? d) === d);
    const figures = onDay.flatMap((e) => {
      const best = Math.max(-1, ...e.casualties.map((c) => c.killed?.best ?? -1));
      return best >= 0 ? [best] : [];
    });
    return { date: d, killed: figures.length ? figures.reduce((a, b) => a + b, 0) : null };
  });
}

export async function dayFromGraphql(run: Executor, date: string): Promise<DayData> {
  const weekStart = addDays(date, -6);
  const [week, ahead, articles] = await Promise.all([
    allEvents(run, weekStart, date, false),
    allEvents(run, addDays(date, 1), addDays(date, 31), true),
    allArticles(run, date),
  ]);
  const weekEvents = mergeMentions(week.map(toDayEvent));
  const reportedToday = new Set(articles.flatMap((a) => a.events.map((e) => e.slug)));
  const todays = mergeMentions(
    week
      .filter((e) => e.occurred.tense === 'PAST')
      .filter((e) => {
        const onDay = (e.occurred.start ?? '') <= date && (e.occurred.end ?? e.occurred.start ?? '') >= date;
        return onDay || reportedToday.has(e.slug);
      })
      .map(toDayEvent),
  );
  const upcoming = mergeMentions(
    ahead
      .filter((e) => e.article.publishedAt.date !== null && e.article.publishedAt.date <= date)
      .map(toDayEvent),
  );
  const sources = new Map<string, SourceArticle>();
  for (const e of [...week, ...ahead]) sources.set(e.article.slug, toSource(e.article));
  for (const a of articles) sources.set(a.slug, toSource(a));
  const quote: DayQuote | null = pickQuote(
    articles.flatMap((a) => a.claims.map((c): [string, GqlQuoteClaim] => [a.slug, c])),
  );
  return {
    date,
    events: todays,
    upcoming,
    quotes: quote ? [quote] : [],
    deaths: deathsByDay(weekEvents, date),
    articles: [...sources.values()],
  };
}

export function graphqlSource(run: Executor, close: () => Promise<void> = async () => {}): DaySource {
  return {
    async daysWithEvents() {
      const r = await run<DigestDaysResult>('DigestDays', {});
      return r.timeline.filter((p) => p.eventCount > 0).map((p) => p.period);
    },
    day: (date) => dayFromGraphql(run, date),
    close,
  };
}
