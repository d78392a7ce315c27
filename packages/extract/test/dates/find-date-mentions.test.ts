import { findDateMentions } from '@sitrep/extract/dates';
import type { Sentence } from '@sitrep/extract/prepared-document';
import type { PublishedAt } from '@sitrep/schema/article';
import { describe, expect, it } from 'vitest';

/** A sentence that is its own original text: offsets map one to one. */
const sentence = (text: string): Sentence => ({
  text,
  span: { start: 0, end: text.length },
  paragraph: 0,
  toOriginal: (o) => o,
});

const published = (date: string | null, precision: PublishedAt['precision'] = 'day'): PublishedAt => ({
  date,
  precision: date ? precision : 'unknown',
  basis: date ? 'dateline' : 'unknown',
  confidence: date ? 0.95 : 0,
  reason: date ? null : 'no date in the text',
  evidence: null,
});

const THU = '2016-10-13';

describe('findDateMentions rules', () => {
  it.each([
    [
      'On Saturday, Russia vetoed a UN resolution.',
      THU,
      'On Saturday',
      '2016-10-08',
      '2016-10-08',
      'day',
      'past',
    ],
    [
      'Kerry will meet Lavrov in Lausanne on Saturday.',
      THU,
      'on Saturday',
      '2016-10-15',
      '2016-10-15',
      'day',
      'scheduled',
    ],
    [
      'Officials said on Wednesday that talks had stalled.',
      THU,
      'on Wednesday',
      '2016-10-12',
      '2016-10-12',
      'day',
      'past',
    ],
    [
      'Seven children were among 71 killed on Tuesday and Wednesday.',
      THU,
      'on Tuesday and Wednesday',
      '2016-10-11',
      '2016-10-12',
      'day',
      'past',
    ],
    [
      'The observatory said the rebels were shelled on Thursday.',
      THU,
      'on Thursday',
      THU,
      THU,
      'day',
      'past',
    ],
    ['Moscow stepped up its strikes earlier this week.', THU, 'this week', '2016-10-10', THU, 'week', 'past'],
    ['A ceasefire collapsed last month.', THU, 'last month', '2016-09-01', '2016-09-30', 'month', 'past'],
    ['Russia, last week, vetoed a resolution.', THU, 'last week', '2016-10-03', '2016-10-09', 'week', 'past'],
    [
      'Putin canceled a planned visit to France next week.',
      THU,
      'next week',
      '2016-10-17',
      '2016-10-23',
      'week',
      'scheduled',
    ],
    [
      'Rebels used chemical arms on 24.08.2013 near Damascus.',
      null,
      '24.08.2013',
      '2013-08-24',
      '2013-08-24',
      'day',
      'past',
    ],
    ['The attack on 05-09-2013 killed four.', null, '05-09-2013', '2013-09-05', '2013-09-05', 'day', 'past'],
    [
      'In his Nov. 30 briefing, he pleaded for access.',
      '2016-12-09',
      'Nov. 30',
      '2016-11-30',
      '2016-11-30',
      'day',
      'past',
    ],
    [
      'The army advanced on December 28.',
      '2017-01-03',
      'December 28',
      '2016-12-28',
      '2016-12-28',
      'day',
      'past',
    ],
    [
      'The assembly voted 122 to 13 on Friday.',
      '2016-12-09',
      'on Friday',
      '2016-12-09',
      '2016-12-09',
      'day',
      'past',
    ],
    ['At least 70 fighters were killed in 24 hours.', THU, 'in 24 hours', '2016-10-12', THU, 'day', 'past'],
    ['Warplanes bombed the city overnight.', THU, 'overnight', '2016-10-12', THU, 'day', 'past'],
    [
      'Regime warplanes struck overnight into Thursday.',
      THU,
      'overnight into Thursday',
      '2016-10-12',
      THU,
      'day',
      'past',
    ],
    [
      'The offensive began in September 2015.',
      null,
      'September 2015',
      '2015-09-01',
      '2015-09-30',
      'month',
      'past',
    ],
    ['Rebels had controlled the area since 2012.', null, '2012', '2012-01-01', '2012-12-31', 'year', 'past'],
    [
      'The rebels used the same weapons in Aleppo last year.',
      '2017-04-05',
      'last year',
      '2016-01-01',
      '2016-12-31',
      'year',
      'past',
    ],
    ['The convoy was hit two days ago.', THU, 'two days ago', '2016-10-11', '2016-10-11', 'day', 'past'],
    [
      'The town fell two years ago.',
      '2017-04-05',
      'two years ago',
      '2015-01-01',
      '2015-12-31',
      'year',
      'past',
    ],
    [
      'The siege began three months ago.',
      '2017-04-05',
      'three months ago',
      '2017-01-01',
      '2017-01-31',
      'month',
      'past',
    ],
    // a month alone is that month of the paper's year, or the year before for a past month after
    // the paper's, the year after for a scheduled one before it
    [
      'Rwanda-backed rebels seized Goma in January.',
      '2026-02-02',
      'January',
      '2026-01-01',
      '2026-01-31',
      'month',
      'past',
    ],
    [
      'Insurgents captured the town in May.',
      '2016-02-02',
      'May',
      '2015-05-01',
      '2015-05-31',
      'month',
      'past',
    ],
    [
      'Talks will resume in January.',
      '2026-02-02',
      'January',
      '2027-01-01',
      '2027-01-31',
      'month',
      'scheduled',
    ],
    [
      'The group declared a caliphate in June last year.',
      '2015-08-01',
      'June last year',
      '2014-06-01',
      '2014-06-30',
      'month',
      'past',
    ],
  ] as const)('%s (published %s)', (text, date, words, start, end, precision, tense) => {
    const found = findDateMentions(sentence(text), published(date));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: words, start, end, precision, tense });
    expect(text.slice(found[0]?.span.start, found[0]?.span.end)).toBe(words);
  });

  it.each([
    ['The army advanced on December 9.', null, /"December 9" gives no year/],
    ['The army advanced in December.', null, /no publication year to resolve "December"/],
    ['Lavrov said Thursday that talks went on.', null, /no publication date to resolve "Thursday"/],
    ['Lavrov said Thursday that talks went on.', '2016', /no publication date to resolve "Thursday"/],
  ])('never guesses: %s (published %s)', (text, date, reason) => {
    const [mention] = findDateMentions(
      sentence(text),
      date === '2016' ? published('2016-01-01', 'year') : published(date),
    );
    expect(mention).toMatchObject({
      start: null,
      end: null,
      precision: 'unknown',
      reason: expect.stringMatching(reason),
    });
  });

  it.each([
    'At the side of a road sat a woman in her late 20s.',
    'My son was born after three months of siege.',
    "I'm not born yesterday.",
    'About 100,000 people are now squeezed into a pocket.',
    'The strikes came a week after the president spoke.',
    'Later in the day the source said four people were killed.',
    'It was around 230 pm when the blast came.',
    'Forces battling rebels in a 2-1/2 year conflict struck again.',
    'The Ariha Today page posted a photo of the rubble.',
    'The children jump at night from the sound of rockets.',
  ])('finds no date in: %s', (text) => {
    expect(findDateMentions(sentence(text), published('2016-12-09'))).toEqual([]);
  });

  it.each([
    ['More than 200 civilians were killed in the past two weeks.', 'past two weeks', '2016-09-29', 'week'],
    ['SOHR said 76 children were killed over the last 15 days.', 'last 15 days', '2016-09-28', 'day'],
    ['Aerial bombardment intensified over the past 48 hours.', 'past 48 hours', '2016-10-11', 'day'],
  ] as const)('a stretch up to publication: %s', (text, words, start, precision) => {
    expect(findDateMentions(sentence(text), published(THU))).toEqual([
      expect.objectContaining({ text: words, start, end: THU, precision, tense: 'past' }),
    ]);
  });
});

describe('a run-on text far longer than any sentence', () => {
  // A page with no full stops reads as one "sentence"; it is read in pieces (chrono's time grew
  // faster than the length: 880k characters took 21 s). Every mention must still be found, with
  // its offset in the whole text, including those where a piece was cut.
  const unit = 'Rebels said that the army shelled Aleppo on December 5 and that talks will resume next week ';
  const text = unit.repeat(1000);

  it('finds every mention, each at its own offset', () => {
    const mentions = findDateMentions(sentence(text), published(THU));
    const december = mentions.filter((m) => m.text === 'December 5');
    const nextWeek = mentions.filter((m) => m.text === 'next week');
    expect(december).toHaveLength(1000);
    expect(nextWeek).toHaveLength(1000);
    expect(december.every((m, i) => m.span.start === i * unit.length + unit.indexOf('December 5'))).toBe(
      true,
    );
    // a past December before an October paper is the year before
    expect(december[999]).toMatchObject({ start: '2015-12-05', tense: 'past' });
    expect(nextWeek[999]).toMatchObject({ precision: 'week', tense: 'scheduled' });
  });
});

describe('"a day after" an event in the sentence before', () => {
  const before = 'Four children were among eight people killed Wednesday in rebel shelling.';
  const text = 'The deaths came a day after five children were killed when rebels shelled a nursery.';
  const previous = findDateMentions(sentence(before), published(THU));

  it('counts back from the one day the sentence before names', () => {
    expect(findDateMentions(sentence(text), published(THU), previous)).toEqual([
      expect.objectContaining({
        text: 'a day after',
        start: '2016-10-11',
        end: '2016-10-11',
        precision: 'day',
      }),
    ]);
  });

  it('is null with the reason when the sentence before names no single day', () => {
    const several = findDateMentions(sentence('Strikes hit on Tuesday and on Friday.'), published(THU));
    expect(findDateMentions(sentence(text), published(THU), several)).toEqual([
      expect.objectContaining({ start: null, reason: expect.stringMatching(/several days/) }),
    ]);
    expect(findDateMentions(sentence(text), published(THU), [])).toEqual([
      expect.objectContaining({ start: null, reason: expect.stringMatching(/gives no day/) }),
    ]);
  });

  it('needs a subject pointing back, and the sentence before', () => {
    const own = 'Rebels shelled a nursery a day after five children were killed.';
    expect(findDateMentions(sentence(own), published(THU), previous)).toEqual([]);
    expect(findDateMentions(sentence(text), published(THU))).toEqual([]);
  });
});
