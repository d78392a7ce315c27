/**
 * Running totals over a period are figures with their period, never incidents: a war's toll
 * or a year's displaced shown as one attack or one flight is the error a desk officer sees
 * first. Each case is a sentence written for this test, read through the whole extraction.
 */
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract-article.ts';
import { rawArticleFromText } from '../src/read/front-matter.ts';

function extract(body: string): ExtractedArticle {
  const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\n${body}\n`;
  return extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
}

const periods = (a: ExtractedArticle) =>
  a.claims.flatMap((c) => c.quantities).flatMap((q) => (q.cumulative ? [q.period?.text] : []));

describe('period totals', () => {
  it.each([
    [
      "a war's toll since an invasion named by its country",
      "The UN says more than 12,900 civilians have been killed in Ukraine since Russia's full-scale invasion in February 2022.",
      "since Russia's full-scale invasion",
    ],
    [
      'a toll since a war began in a year, inside a relative clause',
      'The insurgency, which began in 2017, has killed more than 5,000 people, according to monitors.',
      'began in 2017',
    ],
    [
      'a toll of a war named before a relative clause that dates it another way',
      "Burkina Faso's jihadist insurgency, which spilled over from neighbouring Mali in 2015, has killed more than 26,000 people, according to monitors.",
      'insurgency',
    ],
    [
      'a toll since a coup',
      'More than 6,000 civilians have been killed since the military coup, a rights group says.',
      'since the military coup',
    ],
    [
      'a toll since a seizure of power',
      'Some 5,300 people have been killed since the junta seized power, according to monitors.',
      'since the junta seized power',
    ],
    [
      'a toll between two months',
      'More than 4,000 people were killed in Haiti between January and June, the United Nations said.',
      'between January and June',
    ],
    [
      'a toll from one month to another',
      'Gang violence killed 1,500 people from March to May, the UN human rights office said.',
      'from March to May',
    ],
    [
      'a toll over a span of years',
      'The group killed about 2,300 civilians in Burkina Faso from 2015 to 2019, researchers found.',
      'from 2015 to 2019',
    ],
    [
      "a toll over a year's first months",
      'At least 900 civilians were killed in the first six months of 2024 in Myanmar, monitors said.',
      'in the first six months of 2024',
    ],
    [
      "a toll over a year's first half",
      'Air strikes killed 640 people in the first half of the year, the monitor said.',
      'in the first half of the year',
    ],
  ])('keeps %s off every event', (_why, body, period) => {
    const a = extract(body);
    expect(a.events.filter((e) => e.casualties.killed)).toEqual([]);
    expect(periods(a)).toContain(period);
  });

  // "this year" / "this month" alone keep the toll on an event dated no closer than that period:
  // the digest shows it as context and GraphQL calls its figure a total (issue 15's contract,
  // packages/graphql/test/figure-standing.test.ts), never one day's attack
  it.each([
    ['More than 5,000 people have been killed in Haiti this year, the UN said.', 'year'],
    ['Air strikes have killed more than 300 people in Raqqa this month, the monitor said.', 'month'],
  ])('dates %s to its %s, never to a day', (body, precision) => {
    const withToll = extract(body).events.filter((e) => e.casualties.killed);
    expect(withToll.map((e) => e.occurred.precision)).toEqual([precision]);
  });

  it.each([
    [
      'displaced since a month',
      'Since April 2023, more than 12 million people have been displaced by the war, according to the IOM.',
    ],
    [
      'displaced since the start of the year',
      'Some 400,000 people have been displaced in North Kivu since the start of the year, the UN said.',
    ],
    [
      'fled over the past months',
      'Over the past three months, more than 300,000 people have fled their homes in the region, the UN said.',
    ],
    [
      'displaced across a country',
      'More than 3.5 million people have been displaced across Myanmar, the UN says.',
    ],
  ])('makes no displacement event of a total: %s', (_why, body) => {
    const a = extract(body);
    expect(a.events.map((e) => e.kind)).toEqual([]);
    expect(periods(a).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'people who fled one attack',
      'Some 6,270 people fled the town after the attack on Thursday, the IOM said.',
    ],
    [
      'an episode of a few days',
      'More than 32,000 people have been displaced since Thursday, officials said.',
    ],
  ])('keeps a displacement event for %s', (_why, body) => {
    expect(extract(body).events.map((e) => e.kind)).toEqual(['displacement']);
  });

  it.each([
    [
      'a capture after days of fighting, behind a comma',
      'Rebels captured the airport, after three days of fighting that killed 700 people.',
      ['territorial_change'],
    ],
    [
      'forces entering a city after days of fighting',
      'M23 rebels entered the centre of Goma on Monday, after days of fighting that killed at least 100 people.',
      ['territorial_change'],
    ],
  ])("keeps a toll of days off the day's event: %s", (_why, body, expected) => {
    const a = extract(body);
    expect(a.events.map((e) => e.kind)).toEqual(expected);
    expect(a.events.filter((e) => e.casualties.killed)).toEqual([]);
  });

  it.each([
    [
      "a day's total, its wounded told next",
      [
        'Air strikes across the south of the country killed at least 558 people on Monday, the deadliest day of violence in decades.',
        'The health minister said 1,835 people were wounded.',
      ],
    ],
    [
      'a total of days of fighting, its parts told two sentences on',
      [
        'Rebels said they had killed dozens of soldiers in three days of fighting near the border.',
        'The army acknowledged heavy losses but gave no figures. A rebel spokesman said 47 soldiers and 84 mercenaries had been killed.',
      ],
    ],
  ])('makes no attack of a toll that goes on with a total: %s', (_why, paragraphs) => {
    const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\n${paragraphs.join('\n\n')}\n`;
    const a = extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
    expect(a.events.filter((e) => e.casualties.killed || e.casualties.injured)).toEqual([]);
  });

  it('keeps an incident whose side acts, told after a total', () => {
    const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\nMore than 75 militants were killed in the offensive they launched last week.\n\nThe monitor said Russian forces launched a counter-attack killing 29 militants.\n`;
    const a = extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
    expect(a.events.map((e) => e.casualties.killed?.best)).toContain(29);
  });

  it.each([
    'A car bomb hit the district, which was on the front line before the army retook the city in 2016.',
    'A car bomb hit the district on the front line before the army retook the city in December.',
    'A car bomb exploded in the town, the first blast there since the uprising began in 2011.',
  ])('does not date an incident by a month or year of another clause after it: %s', (body) => {
    const bombings = extract(body).events.filter((e) => e.kind === 'bombing');
    expect(bombings.map((e) => e.occurred.precision)).toEqual(['reported']);
  });

  it('dates an earlier attack told with its month alone to that month, not to the report', () => {
    const a = extract('An earlier attack by the group in January left 70 people dead.');
    expect(a.events.map((e) => [e.casualties.killed?.best, e.occurred.start, e.occurred.precision])).toEqual([
      [70, '2025-01-01', 'month'],
    ]);
  });

  it('keeps an attack told earlier this year', () => {
    expect(
      extract('A journalist was killed in a bomb attack earlier this year.').events.map((e) => e.kind),
    ).toEqual(['bombing']);
  });

  it('does not date an incident by the start of the campaign it is compared with', () => {
    const a = extract(
      'Air strikes on the port killed 74 people, the deadliest strikes since the campaign began last month, officials said on Friday.',
    );
    expect(a.events[0]?.occurred.start).toBe('2025-02-28');
  });

  it('makes no events of the background of a coup', () => {
    const a = extract(
      'The military has been fighting on several fronts since it seized power in a 2021 coup.',
    );
    expect(a.events.map((e) => e.kind)).toEqual([]);
  });
});

describe('totals across a named territory', () => {
  it('keeps a toll across the Gaza Strip off every event', () => {
    const text = `---\npublishedAt: 2025-03-04\n---\nReport\n\nIsraeli strikes across the Gaza Strip killed at least 30 people on Saturday, medics said.\n`;
    const a = extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
    expect(a.events.filter((e) => e.casualties.killed)).toEqual([]);
    expect(a.claims.flatMap((c) => c.quantities).map((q) => q.period?.text)).toContain(
      'across the Gaza Strip',
    );
  });
});
