/**
 * The issue as a desk officer reads it (issue 15, "The email"): what leads, what each source line
 * says, what was left out and why, which countries it covers, and the day in figures. Each day
 * here is built by hand in the shape the GraphQL operations give, then compiled and rendered as a
 * recipient gets it, HTML and text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toDayEvent, toSource } from '../src/data/map-event.ts';
import type { DigestEventFragment } from '../src/data/operations.generated.ts';
import type { CasualtyReport, DayData, DayEvent } from '../src/day-data.ts';
import type { IssueModel } from '../src/issue-model.ts';
import { renderArchiveIndex } from '../src/preview/archive-index.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { issueOf, LINKS, subscriber } from './seed-issue.ts';

const killed = (best: number, by: string[], articleId = 'art_a'): CasualtyReport => ({
  articleId,
  killed: { best, low: null, high: null, qualifier: 'at_least', group: 'people' },
  injured: null,
  reportedBy: by,
});

function event(id: string, over: Partial<DayEvent>): DayEvent {
  return {
    id,
    kind: 'airstrike',
    summary: `Event ${id}.`,
    start: '2017-04-04',
    end: '2017-04-04',
    tense: 'past',
    dateText: 'on Tuesday',
    precision: 'day',
    place: { name: 'Khan Sheikhoun', within: ['Idlib', 'Syria'] },
    country: 'SY',
    actors: [],
    vote: null,
    count: null,
    casualties: [],
    displaced: null,
    totals: 0,
    articleIds: [`art_${id}`],
    canonical: null,
    ...over,
  };
}

const canonical = (
  id: string,
  outlets: number,
  killedConfirmed: number | null,
  killedBest = killedConfirmed,
  kind: DayEvent['kind'] = 'attack',
): NonNullable<DayEvent['canonical']> => ({
  id,
  kind,
  place: null,
  country: null,
  start: null,
  end: null,
  precision: 'unknown',
  outlets,
  independentSources: outlets,
  killedBest,
  injuredBest: null,
  killedConfirmed,
  disputes: [],
});

const tally = (date: string, k: number | null, i: number | null, d: number | null) => ({
  date,
  killed: k,
  injured: i,
  displaced: d,
});

const DAY: DayData = {
  date: '2017-04-04',
  events: [
    // one outlet's figure, far larger than anything else
    event('single', {
      kind: 'attack',
      summary: 'One outlet says 3,000 were killed in Raqqa.',
      place: { name: 'Raqqa', within: ['Syria'] },
      casualties: [killed(3000, ['Outlet A'], 'art_single')],
      canonical: canonical('cev_single', 1, null, 3000),
    }),
    // a month's toll: its only figure is a total, so it is no story
    event('total', {
      kind: 'attack',
      summary: 'At least 220 civilians were killed this month.',
      totals: 1,
      canonical: canonical('cev_total', 2, null, null),
    }),
    // dated only by its report: never a certain day, so it does not lead
    event('recalled', {
      kind: 'chemical_attack',
      summary: 'More than 1,400 were killed in a chemical attack near Damascus.',
      precision: 'reported',
      place: { name: 'Damascus', within: ['Syria'] },
      casualties: [killed(1400, ['Outlet B'], 'art_recalled'), killed(1400, ['Outlet C'], 'art_recalled2')],
      articleIds: ['art_recalled', 'art_recalled2'],
      canonical: canonical('cev_recalled', 2, 1400, 1400, 'chemical_attack'),
    }),
    // earlier in the week, reported again today, confirmed higher: the day's own incident still leads
    event('saturday', {
      kind: 'attack',
      summary: 'An attack on Saturday killed 100.',
      start: '2017-04-01',
      end: '2017-04-01',
      casualties: [killed(100, ['Outlet D'], 'art_sat'), killed(100, ['Outlet E'], 'art_sat2')],
      articleIds: ['art_sat', 'art_sat2'],
      canonical: canonical('cev_sat', 2, 100),
    }),
    // the day's incident, confirmed by several sources
    event('sarin', {
      kind: 'chemical_attack',
      summary: 'A gas attack killed dozens in Khan Sheikhoun.',
      casualties: [
        killed(86, ['Al Arabiya'], 'art_s3'),
        killed(72, ['Al Jazeera'], 'art_s2'),
        killed(58, ['Syrian Observatory for Human Rights', 'Reuters'], 'art_s1'),
      ],
      articleIds: ['art_s1', 'art_s2', 'art_s3'],
      canonical: canonical('cev_sarin', 8, 72, 58, 'chemical_attack'),
    }),
    event('baghdad', {
      kind: 'bombing',
      summary: 'A car bomb killed 12 in Baghdad.',
      place: { name: 'Baghdad', within: ['Iraq'] },
      country: 'IQ',
      casualties: [killed(12, ['Iraqi police', 'AP'], 'art_iq')],
      articleIds: ['art_iq'],
    }),
  ],
  upcoming: [],
  quotes: [],
  tallies: [
    tally('2017-03-28', 6, null, 1200),
    tally('2017-03-29', null, null, null),
    tally('2017-03-30', 0, null, null),
    tally('2017-03-31', null, null, null),
    tally('2017-04-01', 126, 40, null),
    tally('2017-04-02', 6, null, null),
    tally('2017-04-03', 27, 3, null),
    tally('2017-04-04', 98, 300, null),
  ],
  leftOut: { undated: 12, periods: 3, older: 0 },
  articles: [
    {
      id: 'art_s1',
      headline: 'Gas attack kills 58 in Syria',
      outlet: 'Reuters',
      url: 'https://example.org/a',
      publishedOn: '2017-04-04',
    },
    {
      id: 'art_s2',
      headline: 'Dozens dead in Idlib',
      outlet: 'Al Jazeera',
      url: null,
      publishedOn: '2017-04-04',
    },
  ],
};

let issue: IssueModel;
let html: string;
let text: string;

beforeAll(async () => {
  issue = issueOf(DAY);
  const compiled = await compileIssue(issue);
  ({ html, text } = renderFor(compiled, recipientContext(issue, subscriber('desk@example.org'), LINKS)!));
});

describe('what leads', () => {
  it('is the most severe corroborated incident, not one outlet’s larger figure', () => {
    expect(issue.stories[0]!.id).toBe('sarin');
    // its lead figure is the one most independent sources give (the canonical best), not the highest
    expect(issue.headlineFigure).toBe('At least 58 people killed in Khan Sheikhoun');
    expect(text.indexOf('A gas attack killed dozens')).toBeLessThan(text.indexOf('One outlet says 3,000'));
  });

  it('is never a total: an event that gives only a period’s toll is no story', () => {
    expect(issue.stories.map((s) => s.id)).not.toContain('total');
  });

  it('is dated by the reports’ own words: an event dated only by its report does not lead, and says so', () => {
    const recalled = issue.stories.find((s) => s.id === 'recalled')!;
    expect(recalled.dateLabel).toBe('reported on Tue 4 Apr');
    // the day's news, then the week's, then what is dated only by its report
    expect(issue.stories.map((s) => s.id)).toEqual(['sarin', 'single', 'baghdad', 'saturday', 'recalled']);
  });
});

describe('what was left out', () => {
  it('is said, with why, in both parts', () => {
    expect(issue.leftOut).toBe(
      'Not shown: 12 reports without a date; 3 reports covering a month or more (a period, not a day’s incident); 1 event giving only a total for a period or a war.',
    );
    expect(html).toContain('Not shown: 12 reports without a date');
    expect(text.replace(/\s+/g, ' ')).toContain('Not shown: 12 reports without a date');
  });
});

describe('the countries', () => {
  it('are named in the masthead, the title and the footer from the day’s stories, never a fixed war', () => {
    expect(issue.countries).toEqual(['Syria', 'Iraq']);
    expect(issue.title).toBe('Sitrep: Syria and Iraq daily situation report');
    expect(html).toMatch(/Syria and Iraq · Daily situation report<\/span> &middot; Tuesday 4 April 2017/);
    expect(text).toContain('SITREP · SYRIA AND IRAQ · DAILY SITUATION REPORT');
    expect(issue.coverage).toMatch(/^This issue covers \d+ reports? .*on events in Syria and Iraq/);
    for (const part of [html, text]) expect(part).not.toMatch(/Syrian war|SYRIA DAILY/);
  });

  it('are named beside each issue in the archive, which names no war of its own', () => {
    const archive = renderArchiveIndex([issue], (d) => `${d}.html`);
    expect(archive).toContain('Syria, Iraq · ');
    expect(archive).not.toMatch(/Syria daily/i);
  });

  it('follow another war’s day: Ukraine’s issue does not say Syria', async () => {
    const kyiv = issueOf({
      ...DAY,
      events: [
        event('kyiv', {
          place: { name: 'Kyiv', within: ['Ukraine'] },
          country: 'UA',
          kind: 'drone_strike' as DayEvent['kind'],
        }),
      ],
    });
    expect(kyiv.mastheadLabel).toBe('Ukraine · Daily situation report');
    const compiled = await compileIssue(kyiv);
    const r = renderFor(compiled, recipientContext(kyiv, subscriber('desk@example.org'), LINKS)!);
    for (const part of [r.html, r.text]) expect(part).not.toMatch(/Syria/);
  });
});

describe('the day in figures', () => {
  it('gives killed, injured and displaced, each against the same day a week before', () => {
    expect(issue.tallies).toEqual([
      { label: 'Killed', value: '98', reported: true, change: 'up 92 from Tue 28 Mar' },
      { label: 'Injured', value: '300', reported: true, change: 'none reported on Tue 28 Mar' },
      { label: 'Displaced', value: 'none reported', reported: false, change: '1,200 on Tue 28 Mar' },
    ]);
    expect(html).toContain('The day in figures');
    expect(text).toMatch(/Killed\s+98\s+up 92 from Tue 28 Mar/);
  });

  it('says that a story of an earlier day is counted on its own day, not in the box', () => {
    // the Saturday attack reported again today leads no figure of Tuesday's box
    expect(issue.talliesCaption).toContain(
      '1 story below is of an earlier day (Sat 1 Apr), counted on its own day in the seven-day table',
    );
  });

  it('charts injured and displaced beside deaths for the seven days', () => {
    expect(issue.chart.bars).toHaveLength(7);
    expect(issue.chart.bars.at(-1)).toMatchObject({
      valueLabel: '98',
      injuredLabel: '300',
      displacedLabel: '–',
    });
    expect(issue.chart.bars[3]).toMatchObject({ valueLabel: '126', injuredLabel: '40' });
    for (const header of ['Killed', 'Injured', 'Displaced']) expect(html).toContain(`>${header}</th>`);
  });
});

describe('each source line', () => {
  it('names the outlet and the headline, linked to the article when it has a web address', () => {
    const [first, second] = issue.sources.filter(
      (s) => s.headline.startsWith('Gas') || s.headline.startsWith('Dozens'),
    );
    expect(first).toMatchObject({
      outlet: 'Reuters',
      headline: 'Gas attack kills 58 in Syria',
      href: 'https://example.org/a',
    });
    expect(second).toMatchObject({ outlet: 'Al Jazeera', headline: 'Dozens dead in Idlib', href: null });
    expect(html).toMatch(
      /<strong>Reuters<\/strong>: <a [^>]*href="https:\/\/example.org\/a"[^>]*>Gas attack kills 58 in Syria<\/a>/,
    );
    expect(text).toContain('Al Jazeera: Dozens dead in Idlib');
  });

  it('is never a local file path, and a figure is never credited to a sentence fragment', () => {
    const article = {
      slug: 'art_x',
      headline: 'Gas attack kills 58',
      outletName: 'Sputnik',
      outlet: null,
      url: '/tmp/desk-9pGqUP/fa-kes-desk.csv',
      sourcePath: '/tmp/desk-9pGqUP/fa-kes-desk.csv',
      publishedAt: { date: '2017-04-04' },
    };
    expect(toSource(article)).toEqual({
      id: 'art_x',
      headline: 'Gas attack kills 58',
      outlet: 'Sputnik',
      url: null,
      publishedOn: '2017-04-04',
    });
    const figure = {
      standing: 'INCIDENT' as const,
      best: 80,
      low: null,
      high: null,
      qualifier: 'ABOUT' as const,
      group: 'PEOPLE' as const,
      claims: [{ speaker: { text: 'On Tuesday an', actor: null, affiliation: null }, via: [] }],
    };
    const mention = eventFragment({ casualties: { killed: figure, injured: null }, article });
    expect(toDayEvent(mention).casualties[0]!.reportedBy).toEqual(['Sputnik']);
  });

  it('carries a total as no toll', () => {
    const total = {
      standing: 'TOTAL' as const,
      best: 3000,
      low: null,
      high: null,
      qualifier: 'AT_LEAST' as const,
      group: 'PEOPLE' as const,
      claims: [],
    };
    const e = toDayEvent(eventFragment({ casualties: { killed: total, injured: null } }));
    expect(e.casualties).toEqual([]);
    expect(e.totals).toBe(1);
  });
});

function eventFragment(over: Partial<DigestEventFragment>): DigestEventFragment {
  return {
    slug: 'evt_x',
    kind: 'CHEMICAL_ATTACK',
    summary: 'A gas attack.',
    count: null,
    occurred: { start: '2017-04-04', end: '2017-04-04', precision: 'DAY', tense: 'PAST', text: 'on Tuesday' },
    location: null,
    participants: [],
    claims: [],
    vote: null,
    casualties: { killed: null, injured: null },
    article: {
      slug: 'art_x',
      headline: 'A headline',
      outletName: 'Reuters',
      outlet: null,
      url: null,
      sourcePath: null,
      publishedAt: { date: '2017-04-04' },
    },
    canonical: null,
    ...over,
  };
}
