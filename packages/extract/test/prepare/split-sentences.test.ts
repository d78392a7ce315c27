import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.ts';

const split = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('sentence boundaries', () => {
  it.each([
    ['titles before names', 'The surgeon Dr. Darwish was killed. Maj. Gen. Igor Konashenkov said so.', 2],
    ['a month abbreviation before a day', 'It was taken on Sept. 21, 2016. The city fell later.', 2],
    ['a dotted acronym before a name', 'The U.N. Security Council met. It voted.', 2],
    [
      'a dotted acronym at the end of a sentence',
      'Sanctions were imposed by the U.S. The ministry said so.',
      2,
    ],
    ['a dotted acronym before a lower-case word', 'He met U.S. officials. They left.', 2],
    ['times of day', 'It began at 3:00 a.m. (0000 GMT) on Wednesday. Shelling went on.', 2],
    [
      'an ellipsis inside a quotation',
      'He made an offer ... This cannot be used as a maneuver, said Fabius.',
      1,
    ],
    ['a sentence starting with a number', 'They used chlorine gas. 33 people died.', 2],
    ['copy that lost its capitals', 'They make up over 70% of the population. she added.', 2],
    ['no space after the full stop', 'It showed weakness.For his part the minister spoke.', 2],
    [
      'a quotation mark after the full stop',
      'He called them "enemies of God". " this was the first time" it added.',
      2,
    ],
    ['question and exclamation marks', 'Why now? Nobody knows! They left.', 3],
  ])('%s', (_name, text, count) => {
    const sentences = split(text);
    expect(sentences).toHaveLength(count);
    // every character but the spaces between sentences is kept
    expect(sentences.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
  });

  it('ends an embedded post after its signature, so its date does not run into the report', () => {
    const text =
      'Convoy entering Moadamieh with aid for 35000 people pic.twitter.comQs8WpeuBbN OCHA Syria (OCHASyria) September 22 2016 The UN suspended land deliveries after the attack.';
    expect(split(text)).toEqual([
      'Convoy entering Moadamieh with aid for 35000 people pic.twitter.comQs8WpeuBbN OCHA Syria (OCHASyria) September 22 2016',
      'The UN suspended land deliveries after the attack.',
    ]);
  });

  it('does not cut links at their dots', () => {
    expect(split('My prayers are with the victims. pic.twitter.comezhmZ1GOG4 State TV showed it.')).toEqual([
      'My prayers are with the victims.',
      'pic.twitter.comezhmZ1GOG4',
      'State TV showed it.',
    ]);
  });

  it('keeps a long run without full stops linear and whole', () => {
    const text = `${'word '.repeat(100_000)}end.`;
    expect(split(text)).toEqual([text]);
  });
});
