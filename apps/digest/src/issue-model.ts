/**
 * The view model of one day's issue: every string the templates print, already worded for a
 * reader. Templates hold layout only; wording lives in `build-issue.ts`, where it is tested.
 *
 * Items that subscribers can filter carry a short `key` ("s0", "d1", "n0", "src2"): the
 * compiled template wraps each in `{{#if show.<key>}}`, so one compiled issue serves every
 * recipient and a recipient's render only decides which keys are on.
 */
import type { DayMap } from './map/day-map.ts';
import type { MapSourceItem } from './map/edition-map.ts';

/** What a subscriber's filters are matched against. Names are compared case-insensitively. */
export interface MatchKeys {
  kind: string;
  /** the place and the places it lies within, e.g. ['East Aleppo', 'Aleppo', 'Syria'] */
  places: string[];
  actors: string[];
  /** the highest killed figure any report gives; null when none does (subscribers' minimum-killed filter) */
  killed?: number | null;
}

/** One report of a toll: "46 civilians killed, 230 injured" — "White Helmets, via Reuters". */
export interface FigureLine {
  text: string;
  attribution: string;
}

export interface StoryView {
  key: string;
  id: string;
  kindLabel: string;
  summary: string;
  placeLabel: string | null;
  dateLabel: string | null;
  /** the first few tolls as reported (the dispute line lists every figure) */
  figures: FigureLine[];
  /** "and 9 more reports of the toll" when some are not printed; null otherwise */
  moreFigures: string | null;
  /** "Reported deaths range from 13 to 46 across 3 reports" when the reports disagree */
  range: string | null;
  /** "3 reports" */
  corroboration: string;
  /** across every outlet's report (the canonical event): "2 outlets, 2 independent sources"; null before clustering */
  corroborationLine: string | null;
  /** one line per disputed measure, each competing figure with who gave it */
  disputes: string[];
  /** footnote numbers into `sources` */
  sourceRefs: number[];
  /** the figure a subject line can lead with: "46 civilians killed in east Aleppo" */
  headlineFigure: string | null;
  match: MatchKeys;
  sourceKeys: string[];
}

export interface DiplomacyView {
  key: string;
  label: string;
  summary: string;
  status: 'held' | 'scheduled' | 'vote' | 'veto' | 'statement';
  statusLabel: string;
  placeLabel: string | null;
  dateLabel: string | null;
  /** "122 in favour, 13 against" */
  voteLine: string | null;
  sourceRefs: number[];
  match: MatchKeys;
  sourceKeys: string[];
}

export interface NextView {
  key: string;
  /** "Sat 10 Dec" or the words of the text when the date is not resolved */
  whenLabel: string;
  summary: string;
  placeLabel: string | null;
  sourceRefs: number[];
  match: MatchKeys;
  sourceKeys: string[];
}

export interface QuoteView {
  text: string;
  speaker: string;
  title: string | null;
  sourceRef: number | null;
}

export interface ChartBar {
  /** "Fri 9" */
  label: string;
  date: string;
  /** the number of deaths shown, or "no report" */
  valueLabel: string;
  injuredLabel: string;
  displacedLabel: string;
  killed: number | null;
  /** bar width in percent of the widest bar, 0 when nothing was reported */
  widthPct: number;
  /** the remainder of the row, so the table always spans 100 % */
  restPct: number;
  isIssueDay: boolean;
}

export interface SourceView {
  key: string;
  n: number;
  outlet: string;
  headline: string;
  /** absolute https link when the article has one */
  href: string | null;
}

/** One figure of the top box: the day's total and how it compares with the same day a week before. */
export interface TallyView {
  /** "Killed" */
  label: string;
  /** "86", or "none reported" */
  value: string;
  /** false when nothing was reported that day (the template prints the value small) */
  reported: boolean;
  /** "up 80 from Tue 28 Mar", "none reported on Tue 28 Mar", or "same as Tue 28 Mar" */
  change: string;
}

export interface IssueModel {
  lang: string;
  /** the day the issue reports on (a weekly edition's Sunday) */
  date: string;
  /** what the send log and the claims know the edition by: the date, or a weekly edition's ISO week ("2016-W49") */
  edition: string;
  /** "Friday 9 December 2016" */
  dateLabel: string;
  /** "9 Dec 2016" */
  shortDateLabel: string;
  title: string;
  /** what the masthead says under the name: "Syria · daily situation report" */
  mastheadLabel: string;
  /** the countries of the day's stories, most stories first, as names ("Syria", "Iraq") */
  countries: string[];
  /** the footer's account of what the issue covers, from its data */
  coverage: string;
  /** the day's killed, injured and displaced, each against the same day a week before */
  tallies: TallyView[];
  /**
   * what the top box counts: "The day in figures: events dated to the day, against the same day
   * a week before" (a weekly edition: the week against the week before). A story known only to a
   * span of days or by its report's date is not counted, so the box can say "none reported" beside it.
   */
  talliesCaption: string;
  /** what the day's reports hold that the issue does not show, and why; null when nothing is left out */
  leftOut: string | null;
  /** the lead figure of the whole issue, used when every item is visible */
  headlineFigure: string | null;
  stories: StoryView[];
  diplomacy: DiplomacyView[];
  next: NextView[];
  quote: QuoteView | null;
  chart: { bars: ChartBar[]; caption: string; total: string };
  sources: SourceView[];
  /** the locator map of the events the full issue prints; null when none of them has a point to draw */
  map: DayMap | null;
  /** the day's events the issue prints, each under its item's show key: an edition's map draws those it keeps */
  mapSource: MapSourceItem[];
  /** every legend entry an edition's map can need, each under its show key */
  mapLegend: { key: string; label: string; colour: string }[];
  /** the slots of the panels after the first (a day of several theatres), each shown when the edition's map has it */
  mapMorePanels: { key: string; cid: string; alt: string; caption: string }[];
  /** links the issue itself points at (absolute) */
  links: { archive: string; issue: string };
}

/** What a recipient's render adds to the compiled issue. */
export interface RecipientContext {
  name: string;
  email: string;
  subject: string;
  /** the first item's lead, printed large at the top of the issue */
  lead: string;
  preheader: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  /** "You follow: Aleppo; air strikes" or null for the full issue */
  filterNote: string | null;
  /**
   * the edition's map (exactly the events it prints): each panel's Content-ID, alt text and
   * caption (the first panel's unnumbered, the others' numbered from 1 as in `mapMorePanels`),
   * and the text part's alt texts and captions, wrapped
   */
  map: DayMap | null;
  mapCid: string;
  mapAlt: string;
  mapCaption: string;
  mapCid1: string;
  mapAlt1: string;
  mapCaption1: string;
  mapCid2: string;
  mapAlt2: string;
  mapCaption2: string;
  mapText: string;
  show: Record<string, boolean>;
}
