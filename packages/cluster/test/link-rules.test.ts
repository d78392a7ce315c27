import { describe, expect, it } from 'vitest';
import { linked } from '../src/link-rules.ts';
import { mentionFeatures } from '../src/mention-features.ts';
import { type MentionSpec, mention, toyAncestors, toyNamesake } from './make-mention.ts';

const QUOTE = 'Helicopters, warplanes and rocket bombardment like every day. Nothing has changed';

const cases: [string, MentionSpec, MentionSpec, boolean][] = [
  ['same kind, day and city', { article: 'a' }, { article: 'b' }, true],
  [
    'a neighbourhood within the city',
    { article: 'a', place: 'al-Kalaseh', placePrecision: 'neighbourhood' },
    { article: 'b' },
    true,
  ],
  [
    'two neighbourhoods of one city',
    { article: 'a', place: 'al-Kalaseh' },
    { article: 'b', place: 'Bustan al-Qasr' },
    false,
  ],
  [
    'a day apart (slack for "on Thursday")',
    { article: 'a', on: '2016-12-08' },
    { article: 'b', on: '2016-12-09' },
    true,
  ],
  ['three days apart', { article: 'a', on: '2016-12-06' }, { article: 'b', on: '2016-12-09' }, false],
  [
    'a day inside a reported range',
    { article: 'a', on: ['2016-10-11', '2016-10-12'] },
    { article: 'b', on: '2016-10-12' },
    true,
  ],
  ['different families', { article: 'a' }, { article: 'b', kind: 'evacuation' }, false],
  [
    'air strike and barrel bomb on the same day',
    { article: 'a' },
    { article: 'b', kind: 'barrel_bomb' },
    true,
  ],
  [
    'air strike and shelling, a day apart, no figures',
    { article: 'a', on: '2016-12-08' },
    { article: 'b', kind: 'shelling' },
    false,
  ],
  [
    'air strike and shelling, a day apart, same toll',
    { article: 'a', on: '2016-12-08', killed: 13 },
    { article: 'b', kind: 'shelling', killed: 13 },
    true,
  ],
  ['air strike and armed clash', { article: 'a' }, { article: 'b', kind: 'armed_clash' }, false],
  [
    'generic attack joins a specific kind on the same day',
    { article: 'a', kind: 'attack' },
    { article: 'b', kind: 'bombing' },
    true,
  ],
  [
    'generic attack, a day apart, no figures',
    { article: 'a', kind: 'attack', on: '2016-12-08' },
    { article: 'b', kind: 'bombing' },
    false,
  ],
  [
    'different perpetrators',
    { article: 'a', perpetrators: ['actor:us-coalition'] },
    { article: 'b', perpetrators: ['actor:russia'] },
    false,
  ],
  [
    'overlapping perpetrators',
    { article: 'a', perpetrators: ['actor:russia', 'actor:syria'] },
    { article: 'b', perpetrators: ['actor:syria'] },
    true,
  ],
  [
    'tolls far apart (8 vs 71)',
    { article: 'a', killed: 8 },
    { article: 'b', killed: 71, kind: 'shelling' },
    false,
  ],
  ['tolls that rose (43 vs 126)', { article: 'a', killed: 43 }, { article: 'b', killed: 126 }, true],
  ['two events of one article', { article: 'a', killed: 5 }, { article: 'a', killed: 8 }, false],
  ['one article repeating its own event', { article: 'a', killed: 13 }, { article: 'a', killed: 13 }, true],
  [
    'one article going on about its event, without the toll',
    { article: 'a', killed: 13 },
    { article: 'a', reported: '2016-12-09' },
    true,
  ],
  [
    'one article naming another kind, without a toll',
    { article: 'a', killed: 13 },
    { article: 'a', kind: 'shelling' },
    false,
  ],
  [
    'one article going on about an event elsewhere',
    { article: 'a', place: 'al-Kalaseh' },
    { article: 'a', place: 'Bustan al-Qasr' },
    false,
  ],
  [
    'a province-wide toll and a town’s strike without one',
    {
      article: 'a',
      place: 'Aleppo province',
      placeId: 'place:aleppo-gov',
      placePrecision: 'governorate',
      killed: 18,
    },
    { article: 'b', place: 'Manbij' },
    false,
  ],
  [
    'a province-wide strike and a town’s, neither with a toll',
    { article: 'a', place: 'Aleppo province', placeId: 'place:aleppo-gov', placePrecision: 'governorate' },
    { article: 'b', place: 'Manbij' },
    true,
  ],
  [
    'a province-wide toll and a town’s, the same',
    {
      article: 'a',
      place: 'Aleppo province',
      placeId: 'place:aleppo-gov',
      placePrecision: 'governorate',
      killed: 18,
    },
    { article: 'b', place: 'Manbij', killed: 18 },
    true,
  ],
  [
    'a war’s total does not tie two reports',
    { article: 'a', on: ['2011-03-01', '2011-03-31'], precision: 'month', killed: 280000, place: null },
    { article: 'b', on: ['2011-03-01', '2011-03-31'], precision: 'month', killed: 280000, place: null },
    false,
  ],
  [
    'one assembly vote, the same split, one report undated',
    { article: 'a', kind: 'un_vote', place: null, vote: { yes: 122, no: 13, abstain: null } },
    { article: 'b', kind: 'un_vote', place: null, on: null, vote: { yes: 122, no: 13, abstain: null } },
    true,
  ],
  [
    'a council’s common split, one report undated',
    { article: 'a', kind: 'un_vote', place: null, vote: { yes: 13, no: 0, abstain: 2 } },
    { article: 'b', kind: 'un_vote', place: null, on: null, vote: { yes: 13, no: 0, abstain: 2 } },
    false,
  ],
  [
    'the same split on days apart',
    { article: 'a', kind: 'un_vote', place: null, vote: { yes: 122, no: 13, abstain: null } },
    {
      article: 'b',
      kind: 'un_vote',
      place: null,
      on: '2016-12-19',
      vote: { yes: 122, no: 13, abstain: null },
    },
    false,
  ],
  [
    'two unplaced reports of one UN vote',
    { article: 'a', kind: 'un_vote', place: null },
    { article: 'b', kind: 'un_vote', place: null },
    true,
  ],
  ['two unplaced air strikes', { article: 'a', place: null }, { article: 'b', place: null }, false],
  [
    'country-level places say too little',
    { article: 'a', place: 'Syria', placePrecision: 'country' },
    { article: 'b', place: 'Syria', placePrecision: 'country' },
    false,
  ],
  [
    'dated by its report, same kind and toll',
    { article: 'a', reported: '2016-07-19', killed: 21, published: '2016-07-19' },
    { article: 'b', on: '2016-07-18', killed: 21 },
    true,
  ],
  [
    'dated by its report, same kind at the same place, no toll',
    { article: 'a', reported: '2016-07-19', published: '2016-07-19' },
    { article: 'b', on: '2016-07-18' },
    true,
  ],
  [
    'dated by its report, same kind at the same place, a toll in one only',
    { article: 'a', reported: '2016-07-19', published: '2016-07-19' },
    { article: 'b', on: '2016-07-18', killed: 12 },
    true,
  ],
  [
    'dated by its report, same kind within the place, no toll',
    { article: 'a', reported: '2016-07-19', published: '2016-07-19' },
    { article: 'b', on: '2016-07-18', place: 'al-Kalaseh', placePrecision: 'neighbourhood' },
    false,
  ],
  [
    'dated by its report, a kind that may name it, no toll',
    { article: 'a', reported: '2016-07-19', published: '2016-07-19', kind: 'shelling' },
    { article: 'b', on: '2016-07-18' },
    false,
  ],
  [
    'dated by its report, three days after the event',
    { article: 'a', reported: '2016-07-21', killed: 21, published: '2016-07-21' },
    { article: 'b', on: '2016-07-17', killed: 21 },
    false,
  ],
  [
    'undated (no report day to date it by), same kind and toll',
    { article: 'a', on: null, killed: 21, published: '2016-07-19' },
    { article: 'b', on: '2016-07-18', killed: 21 },
    false,
  ],
  [
    'a shared quote, different places',
    { article: 'a', place: 'Aleppo', claims: [{ text: QUOTE }] },
    { article: 'b', place: 'Hamburg', kind: 'ceasefire_violated', claims: [{ text: `${QUOTE}.` }] },
    true,
  ],
  [
    'a shared quote, a month apart',
    { article: 'a', on: '2016-11-01', claims: [{ text: QUOTE }] },
    { article: 'b', claims: [{ text: QUOTE }] },
    false,
  ],
  [
    'a short shared quote',
    { article: 'a', kind: 'shelling', on: '2016-12-07', claims: [{ text: 'ever shrinking' }] },
    { article: 'b', claims: [{ text: 'ever shrinking' }] },
    false,
  ],
  [
    'a chemical attack in a town and in its province the same day, a toll on one side only',
    { article: 'a', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04', killed: 58 },
    {
      article: 'b',
      kind: 'chemical_attack',
      place: 'Aleppo-gov',
      placePrecision: 'governorate',
      on: '2017-04-04',
    },
    true,
  ],
  [
    'an air strike in a town and in its province the same day, a toll on one side only',
    { article: 'a', place: 'Manbij', on: '2017-04-04', killed: 58 },
    { article: 'b', place: 'Aleppo-gov', placePrecision: 'governorate', on: '2017-04-04' },
    false,
  ],
  [
    'a chemical attack "in Syria" reported the next day, and one in a town of Syria',
    {
      article: 'a',
      kind: 'chemical_attack',
      place: 'Syria',
      placePrecision: 'country',
      reported: '2017-04-05',
    },
    { article: 'b', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04', killed: 58 },
    true,
  ],
  [
    'a chemical attack in another country',
    {
      article: 'a',
      kind: 'chemical_attack',
      place: 'Iraq',
      placePrecision: 'country',
      reported: '2017-04-05',
    },
    { article: 'b', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04', killed: 58 },
    false,
  ],
  [
    'chemical attacks in two towns of one province',
    { article: 'a', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04' },
    { article: 'b', kind: 'chemical_attack', place: 'al-Kalaseh', on: '2017-04-04' },
    false,
  ],
  [
    'chemical attacks in one town a week apart',
    { article: 'a', kind: 'chemical_attack', place: 'Manbij', on: '2017-03-28' },
    { article: 'b', kind: 'chemical_attack', place: 'Manbij', on: '2017-04-04' },
    false,
  ],
  [
    'one article: "at least 50 killed" and its count of 58',
    { article: 'a', killed: 50, killedQualifier: 'at_least' },
    { article: 'a', killed: 58, tag: 'the count' },
    true,
  ],
  [
    'one article: two exact tolls',
    { article: 'a', killed: 50 },
    { article: 'a', killed: 58, tag: 'another' },
    false,
  ],
  [
    'one article: a floor far below the other toll',
    { article: 'a', killed: 20, killedQualifier: 'at_least' },
    { article: 'a', killed: 58, tag: 'another' },
    false,
  ],
  [
    'one article: a chemical attack and the air strike that delivered it',
    { article: 'a', kind: 'chemical_attack', killed: 58 },
    { article: 'a', kind: 'airstrike', tag: 'the means' },
    true,
  ],
  [
    'one article: "the attack killed 58" and the air strike it names',
    { article: 'a', kind: 'attack', reported: '2017-04-04', killed: 58 },
    { article: 'a', reported: '2017-04-04', tag: 'the strike' },
    true,
  ],
  [
    'one article: an unplaced "attack" with its toll beside an air strike in a town',
    { article: 'a', kind: 'attack', place: null, reported: '2017-04-04', killed: 1200 },
    { article: 'a', reported: '2017-04-04', tag: 'the strike' },
    false,
  ],
  [
    'one article: an attack and an air strike on different days',
    { article: 'a', kind: 'attack', on: '2017-04-04', killed: 58 },
    { article: 'a', on: '2017-04-05', tag: 'the strike' },
    false,
  ],
  [
    'one article: an air strike and shelling, one toll',
    { article: 'a', killed: 58 },
    { article: 'a', kind: 'shelling', tag: 'another' },
    false,
  ],
  [
    'an undated report of 87 killed, nine days after the attack of 87 in that town',
    { article: 'a', place: 'Manbij', reported: '2017-04-13', killed: 87 },
    { article: 'b', place: 'Manbij', on: '2017-04-04', killed: 87 },
    true,
  ],
  [
    'an undated report of 100 killed (a round figure), nine days after an attack of 100',
    { article: 'a', place: 'Manbij', reported: '2017-04-13', killed: 100 },
    { article: 'b', place: 'Manbij', on: '2017-04-04', killed: 100 },
    false,
  ],
  [
    'an undated report of 23 killed, nine days after an attack of 23',
    { article: 'a', place: 'Manbij', reported: '2017-04-13', killed: 23 },
    { article: 'b', place: 'Manbij', on: '2017-04-04', killed: 23 },
    false,
  ],
  [
    'an undated "some 1,200 killed", 76 days after "more than 1,000", neither placed',
    { article: 'a', kind: 'attack', place: null, reported: '2023-12-22', killed: 1200 },
    {
      article: 'b',
      kind: 'attack',
      place: null,
      on: '2023-10-07',
      killed: 1000,
      killedQualifier: 'at_least',
    },
    true,
  ],
  [
    'an undated report of 87 killed, four months after the attack of 87',
    { article: 'a', place: 'Manbij', reported: '2017-08-10', killed: 87 },
    { article: 'b', place: 'Manbij', on: '2017-04-04', killed: 87 },
    false,
  ],
  [
    'an undated report of 87 killed, three days before an attack of 87',
    { article: 'a', place: 'Manbij', reported: '2017-04-01', killed: 87 },
    { article: 'b', place: 'Manbij', on: '2017-04-04', killed: 87 },
    false,
  ],
  [
    'two undated reports of 87 killed, a month apart',
    { article: 'a', place: 'Manbij', reported: '2017-05-04', killed: 87 },
    { article: 'b', place: 'Manbij', reported: '2017-04-04', killed: 87 },
    false,
  ],
  // cluster-4
  [
    'a report of 27 killed and one of "dozens" (24-99), same province and days',
    { article: 'a', kind: 'attack', place: 'Idlib', reported: '2017-04-06', killed: 27 },
    {
      article: 'b',
      kind: 'chemical_attack',
      place: 'Idlib',
      on: '2017-04-04',
      killed: 24,
      killedQualifier: 'vague',
      killedHigh: 99,
    },
    true,
  ],
  [
    'a report of 12 killed and one of "dozens": the count is outside the word',
    { article: 'a', kind: 'attack', place: 'Idlib', reported: '2017-04-06', killed: 12 },
    {
      article: 'b',
      kind: 'chemical_attack',
      place: 'Idlib',
      on: '2017-04-04',
      killed: 24,
      killedQualifier: 'vague',
      killedHigh: 99,
    },
    false,
  ],
  [
    "one article's 80 people killed and its 27 children among them",
    { article: 'a', kind: 'chemical_attack', place: 'Idlib', killed: 80 },
    { article: 'a', kind: 'attack', place: 'Idlib', killed: 27, killedGroup: 'children' },
    true,
  ],
  [
    "one article's 80 people killed and another toll of 27 people",
    { article: 'a', kind: 'chemical_attack', place: 'Idlib', killed: 80 },
    { article: 'a', kind: 'attack', place: 'Idlib', killed: 27 },
    false,
  ],
  [
    "a car bomb in a neighbourhood on Saturday and the next day's report of a bomb attack in the province",
    { article: 'a', kind: 'bombing', place: 'al-Kalaseh', on: '2017-04-15', killed: 43 },
    { article: 'b', kind: 'bombing', place: 'Aleppo-gov', reported: '2017-04-16' },
    true,
  ],
  [
    "an air strike in a neighbourhood and the next day's report of a strike in the province",
    { article: 'a', kind: 'airstrike', place: 'al-Kalaseh', on: '2017-04-15', killed: 43 },
    { article: 'b', kind: 'airstrike', place: 'Aleppo-gov', reported: '2017-04-16' },
    false,
  ],
  [
    'a car bomb in a neighbourhood and a report three days later of a bombing in the province',
    { article: 'a', kind: 'bombing', place: 'al-Kalaseh', on: '2017-04-15', killed: 43 },
    { article: 'b', kind: 'bombing', place: 'Aleppo-gov', reported: '2017-04-18' },
    false,
  ],
  [
    'two reports of the Security Council vote of one day',
    { article: 'a', kind: 'un_vote', place: null, tag: 'The U.N. Security Council voted Friday.' },
    { article: 'b', kind: 'un_vote', place: null, tag: 'The Security Council passed the resolution.' },
    true,
  ],
  [
    'a Security Council vote and a General Assembly vote of one day',
    { article: 'a', kind: 'un_vote', place: null, tag: 'The U.N. Security Council voted Friday.' },
    { article: 'b', kind: 'un_vote', place: null, tag: 'The General Assembly voted Friday.' },
    false,
  ],
  [
    "one article's toll of an attack on Tuesday and its undated air strike there, in Tuesday's story",
    { article: 'a', kind: 'attack', place: 'Aleppo-gov', on: '2017-04-04', killed: 58 },
    { article: 'a', kind: 'airstrike', place: 'al-Kalaseh', reported: '2017-04-04' },
    true,
  ],
  [
    "one article's toll of an attack on Sunday and its undated air strike, in Tuesday's story",
    { article: 'a', kind: 'attack', place: 'Aleppo-gov', on: '2017-04-02', killed: 58 },
    { article: 'a', kind: 'airstrike', place: 'al-Kalaseh', reported: '2017-04-04' },
    false,
  ],
  [
    'a region inside a country (its gazetteer parent) is a place: the same kind there on one day',
    { article: 'a', place: 'Idlib', placePrecision: 'region' },
    { article: 'b', place: 'Idlib', placePrecision: 'region' },
    true,
  ],
  [
    'a region that holds countries places nothing',
    { article: 'a', place: 'Levant', placePrecision: 'region' },
    { article: 'b', place: 'Levant', placePrecision: 'region' },
    false,
  ],
];

describe('link rules', () => {
  it.each(cases)('%s', (_name, a, b, expected) => {
    const lookups = { ancestorsOf: toyAncestors, actorKindOf: null, namesakeRegionOf: null };
    const fa = mentionFeatures(mention(a), lookups);
    const fb = mentionFeatures(mention(b), lookups);
    expect(linked(fa, fb)).toBe(expected);
    expect(linked(fb, fa)).toBe(expected);
  });
});

describe('a town named like its province', () => {
  const town = { article: 'a', place: 'Hama', killed: 20 } satisfies MentionSpec;
  const elsewhere = { article: 'b', place: 'Murak', killed: 20 } satisfies MentionSpec;
  it.each([
    ['read at the province, it meets a town of the province', toyNamesake, true],
    ['read as the town only, it does not', null, false],
  ] as const)('%s', (_name, namesakeRegionOf, expected) => {
    const lookups = { ancestorsOf: toyAncestors, actorKindOf: null, namesakeRegionOf };
    const fa = mentionFeatures(mention(town), lookups);
    const fb = mentionFeatures(mention(elsewhere), lookups);
    expect(linked(fa, fb)).toBe(expected);
  });
});

describe('perpetrators', () => {
  const kinds: Record<string, 'state' | 'monitoring_group'> = {
    'actor:russia': 'state',
    'actor:sohr': 'monitoring_group',
  };
  const lookups = {
    ancestorsOf: toyAncestors,
    actorKindOf: (id: string) => kinds[id] ?? null,
    namesakeRegionOf: null,
  };

  it('ignores a speaker filed as the perpetrator once actor kinds are known', () => {
    const a = mentionFeatures(mention({ article: 'a', perpetrators: ['actor:sohr'] }), lookups);
    const b = mentionFeatures(mention({ article: 'b', perpetrators: ['actor:russia'] }), lookups);
    expect(linked(a, b)).toBe(true);
    expect(
      linked(
        ...([a, b].map((f) => mentionFeatures(f.mention, { ...lookups, actorKindOf: null })) as [
          typeof a,
          typeof b,
        ]),
      ),
    ).toBe(false);
  });
});
