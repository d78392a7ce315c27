/**
 * What the digest reads for one day, in the shape the GraphQL operations return it (after
 * `data/map-day-result.ts`), before any editorial choice: events with every report of their
 * figures, the quotes, the seven-day death counts and the articles behind them.
 * `build-issue.ts` turns this into the `IssueModel` the templates render.
 */
import type { EventKindName } from '@sitrep/schema/event-kinds';
import type { PersonGroup, Qualifier } from '@sitrep/schema/quantity';

export interface SourceArticle {
  id: string;
  headline: string;
  outlet: string | null;
  url: string | null;
  /** where the text lives in the corpus when there is no public URL */
  corpusPath: string | null;
  publishedOn: string | null;
}

export interface ReportedFigure {
  best: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  group: PersonGroup;
}

/** One article's account of an event's toll, with the chain that carried it: speaker first, outlet last. */
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
  competing: { value: number; reportedBy: string }[];
}

/** What clustering says across every outlet's report of the event (its canonical event). */
export interface CanonicalSummary {
  id: string;
  outlets: number;
  /** a wire story republished thrice, or one monitor quoted by four outlets, counts once */
  independentSources: number;
  disputes: FigureDispute[];
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
  place: { name: string; within: string[] } | null;
  actors: string[];
  vote: { yes: number | null; no: number | null; abstain: number | null } | null;
  /** "vetoed six resolutions" → 6 */
  count: number | null;
  casualties: CasualtyReport[];
  /** every article that mentions the event (corroboration) */
  articleIds: string[];
  /** null before clustering (and in the hand-checked fixtures) */
  canonical: CanonicalSummary | null;
}

export interface DayQuote {
  text: string;
  speaker: string;
  title: string | null;
  articleId: string;
  /** the event the quote belongs to, so filters can follow it */
  eventId: string | null;
}

export interface DayDeaths {
  date: string;
  /** the highest best figure reported for each event of the day, summed over events; null when none */
  killed: number | null;
}

export interface DayData {
  date: string;
  /** events that happened (or were reported as held) on the date */
  events: DayEvent[];
  /** events announced for a later date, as known on the date */
  upcoming: DayEvent[];
  quotes: DayQuote[];
  /** seven entries, oldest first, ending with `date` */
  deaths: DayDeaths[];
  articles: SourceArticle[];
}
