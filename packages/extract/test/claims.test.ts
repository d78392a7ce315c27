import { describe, expect, it } from 'vitest';
import { buildClaims } from '../src/claims/build-claims.ts';
import { findQuantities } from '../src/numbers/find-quantities.ts';
import { plainSentences } from './plain-sentences.ts';

function claimsOf(...paragraphs: string[][]) {
  const sentences = plainSentences(...paragraphs);
  return buildClaims(
    'art_test',
    sentences,
    sentences.map((s) => findQuantities(s.text)),
  ).claims;
}

const who = (c: ReturnType<typeof claimsOf>[number]) =>
  c.speaker?.actor?.id ??
  (c.speaker?.affiliation ? `of ${c.speaker.affiliation.id}` : (c.speaker?.text ?? null));

describe('buildClaims', () => {
  it.each([
    [
      '"There are aerial raids on the city\'s neighborhoods with barrel bombs," a fighter with the Nour al-Din al-Zinki rebel group on an eastern Aleppo frontline told Reuters.',
      'quote',
      'of actor:ag:nour-al-din-al-zinki',
      ['actor:media:reuters'],
    ],
    [
      'In fresh strikes, jets pounded opposition-held parts of Aleppo early on Thursday, said the Syrian Observatory for Human Rights (SOHR).',
      'reported',
      'actor:mon:sohr',
      [],
    ],
    [
      'Air strikes killed 13 people on Thursday, civil defense official Ibrahim Abu al-Laith told Reuters from Aleppo.',
      'reported',
      'actor:person:ibrahim-abu-al-laith',
      ['actor:media:reuters'],
    ],
    [
      'Rupert Colville, the spokesman for the UN High Commissioner on Human Rights, said up to 100,000 people were trapped.',
      'reported',
      'actor:person:rupert-colville',
      [],
    ],
    [
      'Four children were among eight people killed Wednesday, according to the Syrian Observatory for Human Rights, a UK-based monitoring group.',
      'reported',
      'actor:mon:sohr',
      [],
    ],
    [
      'The government has dismissed reports of mass arrests by its forces as fabrications.',
      'reported',
      'actor:state:sy',
      [],
    ],
    [
      'Russia has given Assad backing in a civil war that has killed more than 250,000 people.',
      'cumulative_toll',
      null,
      [],
    ],
  ])('attributes %s', (sentence, kind, speaker, via) => {
    const [claim] = claimsOf([sentence]);
    expect(claim?.kind).toBe(kind);
    expect(claim ? who(claim) : undefined).toBe(speaker);
    expect(claim?.via.map((v) => v.id)).toEqual(via);
  });

  it.each([
    ['Air raids hit the town, the Syrian Observatory for Human Rights (SOHR) said.', 'actor:mon:sohr'],
    ['The evacuation process was resumed after the bombing the Observatory said.', 'actor:mon:sohr'],
    [
      'The move was a snub to French President François Hollande, who suggested Moscow was guilty of war crimes.',
      'actor:person:francois-hollande',
    ],
  ])('finds the speaker where commas are missing or an aside intervenes: %s', (sentence, speaker) => {
    const [claim] = claimsOf([sentence]);
    expect(claim ? who(claim) : null).toBe(speaker);
  });

  it('reads denials as stance deny', () => {
    const [government, rebels] = claimsOf([
      'The government has dismissed reports of mass arrests as fabrications.',
      'Rebels for their part deny they have prevented civilians from leaving.',
    ]);
    expect([government?.stance, rebels?.stance]).toEqual(['deny', 'deny']);
    expect(rebels ? who(rebels) : null).toBe('actor:ag:rebels');
  });

  it('resolves "he added" and unattributed follow-on quotes to the last named speaker', () => {
    const claims = claimsOf(
      [
        'Seven children were among 71 civilians killed on Tuesday and Wednesday, SOHR head Rami Abdel Rahman said.',
      ],
      ['"The toll jumped because so many people died of their wounds," he added.'],
      ['"We have asked for the evacuation of civilians.', 'The fighters are determined to stay."'],
    );
    expect(claims.map(who)).toEqual([
      'actor:person:rami-abdel-rahman',
      'actor:person:rami-abdel-rahman',
      'actor:person:rami-abdel-rahman',
    ]);
    expect(claims[2]?.text).toBe(
      'We have asked for the evacuation of civilians. The fighters are determined to stay.',
    );
  });

  it('keeps one claim for a quote spread over sentences, with an exact original span', () => {
    const sentences = [
      '"My son was born after three months of siege.',
      'There were no hospitals," she said.',
    ];
    const [claim] = claimsOf(sentences);
    const original = `${sentences.join(' ')}`;
    expect(claim?.kind).toBe('quote');
    expect(original.slice(claim?.span.start, claim?.span.end)).toBe(
      '"My son was born after three months of siege. There were no hospitals,"',
    );
    expect(claim?.speaker?.text).toBe('she');
  });

  it('carries quantities with partOf into the claim', () => {
    const [claim] = claimsOf([
      'Four children were among eight people killed Wednesday, the observatory said.',
    ]);
    expect(claim?.quantities.map((q) => [q.group, q.value.best, q.partOf])).toEqual([
      ['children', 4, 1],
      ['people', 8, null],
    ]);
  });

  it('gives stable ids', () => {
    const a = claimsOf(['Lavrov said Thursday that experts will meet in Geneva Saturday.']);
    const b = claimsOf(['Lavrov said Thursday that experts will meet in Geneva Saturday.']);
    expect(a[0]?.id).toMatch(/^clm_[0-9a-f]{16}$/);
    expect(a[0]?.id).toBe(b[0]?.id);
  });
});
