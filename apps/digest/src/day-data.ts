/**
 * What the digest reads for one day, in the shape the GraphQL operations return it (after
 * `data/map-event.ts`), before any editorial choice: events (one per canonical event, as
 * clustering decided) with every report of their figures, the quotes, eight days of tallies and
 * the articles behind them, and what the day's articles report that cannot be a day's story.
 * `build-issue.ts` turns this into the `IssueModel` the templates render.
 */
import type { EventKindName } from '@sitrep/schema/event-kinds';
import type { DatePrecision } from '@sitrep/schema/primitives';
import type { PersonGroup, Qualifier } from '@sitrep/schema/quantity';

export interface SourceArticle {
  id: string;
  headline: string;
  outlet: string | null;
  url: string | null;
  publishedOn: string | null;
}

export interface ReportedFigure {
  best: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  group: PersonGroup;
}

/**
 * One article's account of an event's toll, with the chain that carried it: speaker first,
 * outlet last. Only figures that count as one incident's toll (`@sitrep/schema/incident-figures`);
 * a total over a period or a war is counted in `DayEvent.totals` instead.
 */
export interface CasualtyReport {
  articleId: string;
  killed: ReportedFigure | null;
  injured: ReportedFigure | null;
  /** e.g. ['White Helmets', 'Reuters']; empty when the article states the figure without attribution */
  reportedBy: string[];
}

/** A casualty measure the reports disagree on beyond the tolerance, each figure with who gave it. */
export interface FigureDispute {
  measure: 'killed' | 'injured';
  /** each reported value once, with everyone who gave it */
  competing: { value: number; reportedBy: string[] }[];
}

/** What clustering says across every outlet's report of the event (its canonical event). */
export interface CanonicalSummary {
  id: string;
  /** what clustering says the event is, across its reports: the kind most give, the most precise place, the agreed days */
  kind: EventKindName;
  place: DayEvent['place'];
  country: string | null;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  /** the figure the most independent sources give, across every report (totals left out) */
  killedBest: number | null;
  injuredBest: number | null;
  /** the highest death toll at least two independent sources stand behind (each source's highest figure counts); null when fewer give one */
  killedConfirmed: number | null;
  outlets: number;
  /** a wire story republished thrice, or one monitor quoted by four outlets, counts once */
  independentSources: number;
  disputes: FigureDispute[];
}

/** Where a place is: the gazetteer's point (GeoNames), in degrees. */
export interface PlacePoint {
  lat: number;
  lon: number;
}

export interface DayPlace {
  name: string;
  /** the places it lies within, nearest first */
  within: string[];
  /** null (or absent, in the hand-written fixtures) when the gazetteer has no point for it */
  point?: PlacePoint | null;
  /** the API's PlaceKind, lower case ('city', 'country'); absent when the place is unresolved */
  kind?: string;
}

export interface DayEvent {
  id: string;
  kind: EventKindName;
  summary: string;
  start: string | null;
  end: string | null;
  tense: 'past' | 'scheduled';
  /** the words the date was read from ("on Saturday") */
  dateText: string | null;
  place: DayPlace | null;
  actors: string[];
  vote: { yes: number | null; no: number | null; abstain: number | null } | null;
  /** "vetoed six resolutions" → 6 */
  count: number | null;
  casualties: CasualtyReport[];
  /** every article that mentions the event (corroboration) */
  articleIds: string[];
  /** null before clustering (and in the hand-checked fixtures) */
  canonical: CanonicalSummary | null;
  /** how finely `start`/`end` are known: `reported` means on or before the day it was reported */
  precision: DatePrecision;
  /** ISO 3166 code of the place's country; null when the place is unresolved or unknown */
  country: string | null;
  /** people displaced or who fled, as the event's own (non-cumulative) figures give it */
  displaced: number | null;
  /** figures the reports give that are totals over a period or a war, never this event's toll */
  totals: number;
}

export interface DayQuote {
  text: string;
  speaker: string;
  title: string | null;
  articleId: string;
  /** the event the quote belongs to, so filters can follow it */
  eventId: string | null;
}

/** One day's tallies: for each event of the day, its highest incident figure, summed over events; null when none. */
export interface DayTally {
  date: string;
  killed: number | null;
  injured: number | null;
  displaced: number | null;
}

/** Why reports in the day's articles are not in the issue: counts of reports (article mentions). */
export interface LeftOut {
  /** no date of their own and no publication date to bound them */
  undated: number;
  /** a month, a year or more than a week: context, never a day's story */
  periods: number;
  /** dated more than a week before the issue day */
  older: number;
}

export interface DayData {
  date: string;
  /** events that happened (or were reported as held) on the date */
  events: DayEvent[];
  /** events announced for a later date, as known on the date */
  upcoming: DayEvent[];
  quotes: DayQuote[];
  /** eight entries, oldest first, ending with `date`: the chart's seven days and the week before's */
  tallies: DayTally[];
  leftOut: LeftOut;
  articles: SourceArticle[];
}
