import { CanonicalEvent } from '@sitrep/schema/canonical-event';
import { describe, expect, it } from 'vitest';
import { clusterMentions } from '../src/cluster-mentions.ts';
import { figureRange } from '../src/figure-range.ts';
import { mention, toyAncestors } from './make-mention.ts';

const observatory = {
  kind: 'reported' as const,
  speaker: {
    actor: { id: 'actor:sohr', name: 'Syrian Observatory for Human Rights' },
    text: 'the Observatory',
    affiliation: null,
    title: null,
  },
  text: 'air strikes killed 21 civilians',
  quantities: [
    {
      measure: 'killed' as const,
      group: 'civilians' as const,
      value: { best: 21, low: null, high: null },
      qualifier: 'exact' as const,
      text: '21 civilians',
      span: { start: 0, end: 12 },
      partOf: null,
      cumulative: false,
    },
  ],
};

describe('corroboration', () => {
  it('counts a republished wire story once', () => {
    const [event] = clusterMentions(
      ['site-a', 'site-b', 'site-c'].map((outlet) =>
        mention({ article: outlet, credits: [{ agency: 'Reuters', role: 'agencies' }] }),
      ),
    );
    expect(event?.corroboration).toEqual({
      outlets: 3,
      independentSources: 1,
      sources: [
        { name: 'Reuters', role: 'agency' },
        { name: 'site-a', role: 'outlet' },
        { name: 'site-b', role: 'outlet' },
        { name: 'site-c', role: 'outlet' },
      ],
    });
  });

  it('counts the Observatory quoted by four outlets once, and an outlet’s own reporting apart', () => {
    const quoting = ['ahram', 'manar', 'alalam', 'trt'].map((outlet) =>
      mention({ article: outlet, killed: 21, claims: [observatory] }),
    );
    const own = mention({ article: 'dailysabah', killed: 21, credits: [{ agency: 'AA', role: 'photo' }] });
    const [event] = clusterMentions([...quoting, own]);
    expect(event?.corroboration.outlets).toBe(5);
    expect(event?.corroboration.independentSources).toBe(2);
    expect(event?.corroboration.sources[0]).toEqual({
      name: 'Syrian Observatory for Human Rights',
      role: 'primary',
    });
    expect(event?.mentions.map((m) => m.originalSource).sort()).toEqual([
      'Syrian Observatory for Human Rights',
      'Syrian Observatory for Human Rights',
      'Syrian Observatory for Human Rights',
      'Syrian Observatory for Human Rights',
      'dailysabah',
    ]);
  });
});

describe('figures', () => {
  const report = (outlet: string, killed: number, published = '2016-07-19', q: 'exact' | 'vague' = 'exact') =>
    mention({ article: outlet, place: 'Manbij', on: '2016-07-19', killed, killedQualifier: q, published });

  it.each([
    [
      'agreeing reports',
      [report('a', 21), report('b', 21), report('c', 22)],
      { low: 21, best: 21, high: 22, disputed: false },
    ],
    [
      'same-day reports far apart',
      [report('a', 56), report('b', 85), report('c', 56)],
      { low: 56, best: 56, high: 85, disputed: true },
    ],
    [
      'most corroborated, not the middle',
      [report('a', 85), report('b', 85), report('c', 56)],
      { low: 56, best: 85, high: 85, disputed: true },
    ],
    [
      'a rising toll is an update',
      [report('a', 43, '2016-04-15'), report('b', 126, '2016-04-16')],
      { low: 43, best: 43, high: 126, disputed: false },
    ],
    [
      'a falling toll is a dispute',
      [report('a', 126, '2016-04-15'), report('b', 43, '2016-04-16')],
      { low: 43, best: 43, high: 126, disputed: true },
    ],
    [
      'vague words give way to numbers',
      [report('a', 24, undefined, 'vague'), report('b', 31)],
      { low: 31, best: 31, high: 31, disputed: false },
    ],
    ['small gaps are noise', [report('a', 2), report('b', 4)], { low: 2, best: 2, high: 4, disputed: false }],
  ])('%s', (_name, mentions, expected) => {
    const range = figureRange(mentions, 'killed');
    expect(range).toMatchObject(expected);
    expect(range?.reports).toHaveLength(mentions.length);
    expect(range?.competing).toHaveLength(expected.disputed ? mentions.length : 0);
  });

  it('names who gave each competing figure', () => {
    const withSpeaker = mention({
      article: 'ahram',
      place: 'Manbij',
      on: '2016-07-19',
      killed: 21,
      claims: [observatory],
    });
    const range = figureRange([withSpeaker, report('sputnik', 100)], 'killed');
    expect(range?.competing.map((r) => [r.value, r.reportedBy])).toEqual([
      [21, 'Syrian Observatory for Human Rights'],
      [100, 'sputnik'],
    ]);
  });

  it('is null when no report gives the measure', () => {
    expect(figureRange([report('a', 3)], 'injured')).toBeNull();
  });

  it('counts a group among the dead ("27 children") only when no report counts everyone', () => {
    const children = mention({
      article: 'unicef',
      place: 'Manbij',
      on: '2016-07-19',
      killed: 27,
      killedGroup: 'children',
    });
    expect(figureRange([report('a', 58), report('b', 72), children], 'killed')).toMatchObject({
      low: 58,
      best: 58,
      high: 72,
    });
    expect(figureRange([children], 'killed')).toMatchObject({ low: 27, best: 27, high: 27 });
  });
});

describe('canonical events', () => {
  it('keeps a denial and the reports it denies side by side, and marks the event disputed', () => {
    const un = {
      kind: 'reported' as const,
      speaker: {
        actor: { id: 'actor:ohchr', name: 'U.N. human rights office' },
        text: 'The U.N. human rights office',
        affiliation: null,
        title: null,
      },
      text: 'hundreds of men from eastern Aleppo were missing after leaving rebel-held areas',
    };
    const government = {
      kind: 'reported' as const,
      stance: 'deny' as const,
      speaker: {
        actor: { id: 'actor:syrian-government', name: 'Syrian government' },
        text: 'The government',
        affiliation: null,
        title: null,
      },
      text: 'reports of mass arrests, torture and extrajudicial killings by its forces as fabrications',
    };
    const [event] = clusterMentions([
      mention({ article: 'reuters', kind: 'disappearance', claims: [un, government] }),
      mention({
        article: 'rferl',
        kind: 'disappearance',
        claims: [{ ...un, speaker: { ...un.speaker, text: 'Colville' } }],
      }),
    ]);
    expect(event?.disputed).toBe(true);
    expect(event?.contradictions).toHaveLength(1);
    expect(event?.contradictions[0]?.denials.map((d) => d.speaker)).toEqual(['Syrian government']);
    expect(event?.contradictions[0]?.assertions).toHaveLength(2);
  });

  it('produces records the schema accepts, with the most precise place and the agreed day', () => {
    const events = clusterMentions(
      [
        mention({ article: 'a', place: 'al-Kalaseh', placePrecision: 'neighbourhood', on: '2016-10-13' }),
        mention({ article: 'b', on: ['2016-10-12', '2016-10-13'] }),
      ],
      { ancestorsOf: toyAncestors },
    );
    expect(events).toHaveLength(1);
    const event = CanonicalEvent.parse(events[0]);
    expect(event.location?.name).toBe('al-Kalaseh');
    expect(event.occurred).toEqual({ start: '2016-10-13', end: '2016-10-13', precision: 'day' });
    expect(event.cohesion).toBe(1);
  });
});

describe('dates', () => {
  it.each([
    [
      'reports that give the day and one dated only by its report: the day',
      [{ on: '2017-04-04' }, { on: '2017-04-04' }, { reported: '2017-04-05' }],
      { start: '2017-04-04', end: '2017-04-04', precision: 'day' },
    ],
    [
      'reports dated only by their report: "reported" on the first of them',
      [{ reported: '2017-04-05' }, { reported: '2017-04-04' }],
      { start: '2017-04-04', end: '2017-04-04', precision: 'reported' },
    ],
    [
      'most give Tuesday, a follow-up Wednesday, one "last month": Tuesday, not the month',
      [
        { on: '2017-04-04' },
        { on: '2017-04-04' },
        { on: '2017-04-05' },
        { on: ['2017-04-01', '2017-04-30'] as [string, string], precision: 'month' as const },
      ],
      { start: '2017-04-04', end: '2017-04-04', precision: 'day' },
    ],
    [
      'a day inside a month: the day',
      [
        { on: '2017-04-04' },
        { on: ['2017-04-01', '2017-04-30'] as [string, string], precision: 'month' as const },
      ],
      { start: '2017-04-04', end: '2017-04-04', precision: 'day' },
    ],
  ])('%s', (_name, dates, expected) => {
    const [event, ...rest] = clusterMentions(
      dates.map((d, i) => mention({ article: `outlet-${i}`, ...d, killed: 58, published: '2017-04-05' })),
      { ancestorsOf: toyAncestors },
    );
    expect(rest).toEqual([]);
    expect(event?.occurred).toEqual(expected);
    expect(CanonicalEvent.safeParse(event).success).toBe(true);
  });
});

describe('totals are no incident’s toll', () => {
  it('leaves a month’s total out of the figures', () => {
    const month = mention({
      article: 'monthly',
      on: ['2017-03-01', '2017-03-31'],
      precision: 'month',
      killed: 3000,
    });
    expect(figureRange([month], 'killed')).toBeNull();
  });

  it('leaves out a figure no report places or dates, unless one that is does', () => {
    const war = mention({ article: 'war', reported: '2017-04-04', place: null, killed: 320000 });
    expect(figureRange([war], 'killed')).toBeNull();
    const bus = mention({ article: 'bus', reported: '2017-04-16', place: null, killed: 100 });
    const placed = mention({ article: 'placed', on: '2017-04-15', killed: 100 });
    const reported = figureRange([bus, placed], 'killed')?.reports.map((r) => r.articleId);
    expect(reported?.sort()).toEqual([bus.articleId, placed.articleId].sort());
  });
});
