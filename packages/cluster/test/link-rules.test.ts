import { describe, expect, it } from 'vitest';
import { linked } from '../src/link-rules.ts';
import { mentionFeatures } from '../src/mention-features.ts';
import { type MentionSpec, mention, toyAncestors } from './make-mention.ts';

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
    'undated, same kind and toll',
    { article: 'a', on: null, killed: 21, published: '2016-07-19' },
    { article: 'b', on: '2016-07-18', killed: 21 },
    true,
  ],
  [
    'undated, no toll',
    { article: 'a', on: null, published: '2016-07-19' },
    { article: 'b', on: '2016-07-18' },
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
];

describe('link rules', () => {
  it.each(cases)('%s', (_name, a, b, expected) => {
    const lookups = { ancestorsOf: toyAncestors, actorKindOf: null };
    const fa = mentionFeatures(mention(a), lookups);
    const fb = mentionFeatures(mention(b), lookups);
    expect(linked(fa, fb)).toBe(expected);
    expect(linked(fb, fa)).toBe(expected);
  });
});

describe('perpetrators', () => {
  const kinds: Record<string, 'state' | 'monitoring_group'> = {
    'actor:russia': 'state',
    'actor:sohr': 'monitoring_group',
  };
  const lookups = { ancestorsOf: toyAncestors, actorKindOf: (id: string) => kinds[id] ?? null };

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
