import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstTriggerMatches, TRIGGERS } from '../src/events/event-triggers.ts';

// firstTriggerMatches finds every trigger's first match in one pass; the real thing is each
// pattern's own exec. Compared over the seed corpus cut into sentences and pieces of every length
// (matches that overlap, start inside one another, or sit at the very start or end), and a table.
const corpus = new URL('../../../corpus/', import.meta.url);
const seeds = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, corpus), 'utf8'));

const oneByOne = (text: string) =>
  TRIGGERS.map((t) => {
    const m = t.pattern.exec(text);
    return m ? { index: m.index, text: m[0] } : null;
  });
const together = (text: string) =>
  firstTriggerMatches(text).map((m) => (m ? { index: m.index, text: m[0] } : null));

describe('each trigger’s first match, found in one pass', () => {
  it.each([
    'Air strikes and shelling killed 12 people in Aleppo; the airstrike hit a market.',
    'A car bomb, a suicide bombing and a car bombing: three attacks.',
    'Shelled, shelling, shelled again.',
    // one pattern's match starting inside another's ("suicide bombers" / "bombers struck")
    'Two suicide bombers struck a checkpoint near the border on Sunday.',
    'The ceasefire collapsed after rebels recaptured the town and government forces retook it.',
    'no trigger here at all',
    '',
    'massacre',
  ])('%s', (text) => {
    expect(together(text)).toEqual(oneByOne(text));
  });

  it('matches each pattern’s own search over every seed, sentence by sentence and in pieces', () => {
    let compared = 0;
    let found = 0;
    for (const seed of seeds) {
      const pieces = [seed, ...seed.split(/(?<=[.!?])\s+/)];
      for (let size = 40; size < 400; size += 97)
        for (let at = 0; at < seed.length; at += size) pieces.push(seed.slice(at, at + size * 2));
      for (const piece of pieces) {
        const expected = oneByOne(piece);
        expect(together(piece)).toEqual(expected);
        compared++;
        found += expected.filter(Boolean).length;
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(found).toBeGreaterThan(50);
  });
});
