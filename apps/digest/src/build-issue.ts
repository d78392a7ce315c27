/**
 * DayData → IssueModel: the editorial choices of the digest in one place (what leads, how
 * figures and dates are worded, which sources are cited and in what order).
 */
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import { buildChart, chartTotal } from './build-chart.ts';
import { dayMonthLabel, longDate, shortDate, spanLabel } from './date-labels.ts';
import type { DayData, DayEvent } from './day-data.ts';
import type { DiplomacyView, IssueModel, MatchKeys, NextView, SourceView, StoryView } from './issue-model.ts';
import { buildDayMap } from './map/day-map.ts';
import { MAP_LEGEND, MAP_MORE_PANELS, type MapSourceItem } from './map/edition-map.ts';
import { onlyTotals, rankStories } from './rank-stories.ts';
import { weekTotals } from './week-data.ts';
import { wordCorroboration, wordDispute } from './word-corroboration.ts';
import { countryNames, listCountries, tallyViews, wordCoverage, wordLeftOut } from './word-coverage.ts';
import { deathRange, figureLines } from './word-figures.ts';

/**
 * The box counts the issue day's own events; stories the day's reports tell of earlier days (the
 * 46 killed "on Thursday" in Friday's issue) count on their own days, in the seven-day table.
 * Said beside the box, so "none reported" above a lead story with 23 dead reads as what it is.
 */
function earlierStories(ranked: readonly DayEvent[], date: string): string {
  const earlier = ranked.filter((e) => e.start !== null && e.start < date && e.precision !== 'reported');
  if (!earlier.length) return '';
  const days = [...new Set(earlier.map((e) => e.start as string))].sort().map(dayMonthLabel);
  const n = earlier.length;
  return `; ${n === 1 ? '1 story below is' : `${n} stories below are`} of ${days.length === 1 ? 'an earlier day' : 'earlier days'} (${days.join(', ')}), counted on ${n === 1 ? 'its' : 'their'} own day in the seven-day table`;
}

/** "5–11 Dec 2016", "28 Nov – 4 Dec 2016", "26 Dec 2016 – 1 Jan 2017" */
function weekShortLabel(monday: string, sunday: string): string {
  const [d1, m1, y1] = shortDate(monday).split(' ');
  const [, m2, y2] = shortDate(sunday).split(' ');
  if (y1 !== y2) return `${shortDate(monday)} – ${shortDate(sunday)}`;
  if (m1 !== m2) return `${d1} ${m1} – ${shortDate(sunday)}`;
  return `${d1}–${shortDate(sunday)}`;
}

export interface IssueOptions {
  /** absolute base URL of the public archive, e.g. https://sitrep.example.org/digests */
  archiveUrl: string;
  /** overrides the title worded from the day's countries */
  title?: string;
  /** how many stories lead the issue; the rest are left out */
  maxStories?: number;
  /**
   * A weekly edition: `day` is the week's data dated on its Sunday (`week-data.ts`), `key` its
   * ISO week ("2016-W49"). The week's incidents lead, the top box sums the week against the week
   * before, and the labels name the week.
   */
  week?: { key: string; monday: string };
}

const number = new Intl.NumberFormat('en-GB');
/** Tolls printed per story: a day's big story carries a dozen; the range and the dispute line sum them up. */
const MAX_FIGURE_LINES = 4;

function matchKeys(e: DayEvent): MatchKeys {
  const killed = e.casualties.flatMap((c) => (c.killed ? [c.killed.best] : []));
  return {
    kind: e.kind,
    places: e.place ? [e.place.name, ...e.place.within] : [],
    actors: e.actors,
    killed: killed.length ? Math.max(...killed) : null,
  };
}

function voteLine(vote: DayEvent['vote']): string | null {
  if (!vote) return null;
  const parts = [
    vote.yes === null ? null : `${number.format(vote.yes)} in favour`,
    vote.no === null ? null : `${number.format(vote.no)} against`,
    vote.abstain === null ? null : `${number.format(vote.abstain)} abstaining`,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : null;
}

function diplomacyStatus(e: DayEvent): Pick<DiplomacyView, 'status' | 'statusLabel'> {
  if (e.kind === 'un_vote') return { status: 'vote', statusLabel: 'UN vote' };
  if (e.kind === 'veto') return { status: 'veto', statusLabel: 'Veto' };
  const what = e.kind === 'phone_call' ? 'Phone call' : e.kind === 'diplomatic_meeting' ? 'Talks' : null;
  if (e.tense === 'scheduled')
    return { status: 'scheduled', statusLabel: `${what ?? eventKindInfo(e.kind).label} scheduled` };
  if (what) return { status: 'held', statusLabel: `${what} held` };
  return { status: 'statement', statusLabel: eventKindInfo(e.kind).label };
}

/** Numbers sources in the order the issue first cites them, so footnotes read 1, 2, 3 down the page. */
class SourceIndex {
  readonly order: string[] = [];
  ref(articleIds: readonly string[]): number[] {
    return [...new Set(articleIds)]
      .map((id) => {
        let i = this.order.indexOf(id);
        if (i < 0) i = this.order.push(id) - 1;
        return i + 1;
      })
      .sort((a, b) => a - b);
  }
}

/** A lead reads as a sentence: "At least 87 civilians killed in Khan Sheikhoun". */
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Reported on Tue 4 Apr" for an event dated only by its report (on or before that day, never a certain day). */
function dateLabel(e: DayEvent): string | null {
  if (e.precision === 'reported' && (e.end ?? e.start))
    return `reported on ${dayMonthLabel((e.end ?? e.start)!)}`;
  return spanLabel(e.start, e.end);
}

export function buildIssue(day: DayData, options: IssueOptions): IssueModel {
  const sources = new SourceIndex();
  const week = options.week;
  const allRanked = rankStories(day.events, day.date, week?.monday);
  const ranked = allRanked.slice(0, options.maxStories ?? 8);
  const stories: StoryView[] = ranked.map((e, i) => {
    const figures = figureLines(e.casualties, e.canonical?.killedBest ?? null);
    const first = figures[0];
    const hidden = figures.length - MAX_FIGURE_LINES;
    return {
      key: `s${i}`,
      id: e.id,
      kindLabel: eventKindInfo(e.kind).label,
      summary: e.summary,
      placeLabel: e.place?.name ?? null,
      dateLabel: dateLabel(e),
      figures: figures.slice(0, MAX_FIGURE_LINES),
      moreFigures:
        hidden > 0
          ? `and ${hidden} more ${hidden === 1 ? 'toll' : 'tolls'} as reported (see the range below)`
          : null,
      range: deathRange(e.casualties),
      corroboration: `${e.articleIds.length} ${e.articleIds.length === 1 ? 'report' : 'reports'}`,
      corroborationLine: wordCorroboration(e.canonical),
      disputes: (e.canonical?.disputes ?? []).map(wordDispute),
      sourceRefs: sources.ref(e.articleIds),
      headlineFigure: first ? capitalise(`${first.text}${e.place ? ` in ${e.place.name}` : ''}`) : null,
      match: matchKeys(e),
      sourceKeys: [],
    };
  });
  const heldDiplomacy = day.events.filter((e) => eventKindInfo(e.kind).family === 'diplomacy');
  const diplomaticEvents = [
    ...heldDiplomacy,
    ...day.upcoming.filter((e) => eventKindInfo(e.kind).family === 'diplomacy'),
  ];
  const diplomacy: DiplomacyView[] = diplomaticEvents.map((e, i) => ({
    key: `d${i}`,
    label: eventKindInfo(e.kind).label,
    summary: e.summary,
    ...diplomacyStatus(e),
    placeLabel: e.place?.name ?? null,
    dateLabel: spanLabel(e.start, e.end) ?? e.dateText,
    voteLine: voteLine(e.vote),
    sourceRefs: sources.ref(e.articleIds),
    match: matchKeys(e),
    sourceKeys: [],
  }));
  const upcoming = [...day.upcoming].sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'));
  const next: NextView[] = upcoming.map((e, i) => ({
    key: `n${i}`,
    whenLabel: e.start
      ? (spanLabel(e.start, e.end) ?? dayMonthLabel(e.start))
      : (e.dateText ?? 'date not reported'),
    summary: e.summary,
    placeLabel: e.place?.name ?? null,
    sourceRefs: sources.ref(e.articleIds),
    match: matchKeys(e),
    sourceKeys: [],
  }));
  const quote = day.quotes[0] ?? null;
  const quoteRef = quote ? sources.ref([quote.articleId])[0]! : null;

  const articles = new Map(day.articles.map((a) => [a.id, a]));
  const sourceViews: SourceView[] = sources.order.map((id, i) => {
    const a = articles.get(id);
    return {
      key: `src${i}`,
      n: i + 1,
      outlet: a?.outlet ?? 'Outlet not stated',
      headline: a?.headline ?? id,
      href: a?.url && /^https?:\/\//.test(a.url) ? a.url : null,
    };
  });
  for (const item of [...stories, ...diplomacy, ...next])
    item.sourceKeys = item.sourceRefs.map((n) => `src${n - 1}`);

  const chartDays = day.tallies.slice(-7);
  const archive = options.archiveUrl.replace(/\/$/, '');
  // the archive holds days; a week's edition points at the archive itself
  const issueUrl = week ? `${archive}/index.html` : `${archive}/${day.date}.html`;
  const shortDateLabel = week ? weekShortLabel(week.monday, day.date) : shortDate(day.date);
  const cadence = week ? 'Weekly' : 'Daily';
  // the day's countries: where the stories the issue shows happened (lower-ranked reports and
  // month- or year-long context name none), else where its diplomacy did
  const countries = countryNames(ranked.length ? ranked : [...day.events, ...day.upcoming]);
  const where = listCountries(countries);
  // what the issue prints of the day's own events, each under its item's show key: the map draws
  // exactly these (a left-out report is not on it), and an edition draws the ones it keeps
  const mapSource: MapSourceItem[] = [
    ...ranked.map((event, i) => ({ key: `s${i}`, event })),
    ...heldDiplomacy.map((event, i) => ({ key: `d${i}`, event })),
  ];
  const cited = sources.order.map((id) => articles.get(id) ?? { outlet: null, publishedOn: null });
  return {
    lang: 'en',
    date: day.date,
    edition: week?.key ?? day.date,
    dateLabel: week ? `Week of ${longDate(week.monday)} to ${longDate(day.date)}` : longDate(day.date),
    shortDateLabel,
    title:
      options.title ?? `Sitrep: ${where ? `${where} ${cadence.toLowerCase()}` : cadence} situation report`,
    mastheadLabel: `${where ? `${where} · ` : ''}${cadence} situation report`,
    countries,
    coverage: wordCoverage(countries, cited),
    tallies: week
      ? tallyViews(weekTotals(day.tallies, day.date), day.date, 'the week before')
      : tallyViews(day.tallies, day.date),
    talliesCaption: week
      ? 'The week in figures: events dated to one of its days, against the week before'
      : `The day in figures: events dated to the day, against the same day a week before${earlierStories(ranked, day.date)}`,
    leftOut: wordLeftOut(day.leftOut, day.events.filter(onlyTotals).length, allRanked.length - ranked.length),
    headlineFigure: stories.find((s) => s.headlineFigure)?.headlineFigure ?? null,
    stories,
    diplomacy,
    next,
    quote: quote
      ? { text: quote.text, speaker: quote.speaker, title: quote.title, sourceRef: quoteRef }
      : null,
    chart: {
      bars: buildChart(chartDays, day.date),
      caption: `Reported deaths, injured and displaced, ${shortDate(chartDays[0]?.date ?? day.date)} to ${shortDate(day.date)} (– no report)`,
      total: chartTotal(chartDays),
    },
    sources: sourceViews,
    map: buildDayMap(
      { date: day.date, key: week?.key, label: shortDateLabel, events: mapSource.map((m) => m.event) },
      countries,
    ),
    mapSource,
    mapLegend: MAP_LEGEND,
    mapMorePanels: MAP_MORE_PANELS,
    links: { archive: `${archive}/index.html`, issue: issueUrl },
  };
}

/** A day with nothing new: no stories, no diplomacy, nothing announced. */
export const isEmptyIssue = (issue: IssueModel) =>
  issue.stories.length === 0 && issue.diplomacy.length === 0 && issue.next.length === 0;
