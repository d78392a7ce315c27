import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanString, keepsMoreThan } from '../../src/text/clean-text.ts';
import { detectLanguage } from '../../src/text/detect-language.ts';
import { splitCount, wordCharAt, wordCount } from '../../src/text/line-shape.ts';
import { SEEDS } from '../gold/gold-records.ts';

// The character loops as they were before they read ASCII from tables in the loop: the
// rewritten ones must count exactly as these did.
function wordCountBefore(text: string): number {
  const joiners = new Set([39, 0x2019, 46, 45]);
  let count = 0;
  let i = 0;
  while (i < text.length) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    count++;
    while (step > 0) {
      i += step;
      step = wordCharAt(text, i);
      if (step === 0 && joiners.has(text.charCodeAt(i)) && wordCharAt(text, i + 1) > 0) {
        i++;
        step = wordCharAt(text, i);
      }
    }
  }
  return count;
}

const ENGLISH = new Set(
  'the of and to in a is that for on was with said by as at from has have were are it an be this who which after their had its been not but'.split(
    ' ',
  ),
);
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i) as number;
  return /^\p{L}/u.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}
function detectLanguageBefore(text: string): string {
  const head = text.length > 3000 ? text.slice(0, 3000) : text;
  let words = 0;
  let hits = 0;
  let i = 0;
  while (i < head.length && words < 400) {
    if (letterAt(head, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    for (let step = letterAt(head, i); step > 0; step = letterAt(head, i)) i += step;
    words++;
    if (i - start <= 5 && ENGLISH.has(head.slice(start, i).toLowerCase())) hits++;
  }
  if (words === 0) return 'und';
  return hits / words >= 0.12 ? 'en' : 'und';
}

// letters, digits, joiners (doubled too), spaces, accented and non-Latin letters, a letter
// outside the BMP (a surrogate pair), lone surrogates, the Kelvin sign, upper-case function words
const PIECES = [
  'a',
  'Z',
  '7',
  "'",
  '\u2019',
  '.',
  '-',
  '--',
  ' ',
  '\n',
  'é',
  'ß',
  'حلب',
  '\u{1D400}',
  '\ud800',
  '\udc00',
  '\u212a',
  'THE',
  'And',
  'of',
  'al-Assad',
  'U.S.',
  "don't",
  '...',
  ',',
  '\u00a0',
  '\u200b',
];

function randomTexts(count: number): string[] {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + random(60) }, () => PIECES[random(PIECES.length)]).join(''),
  );
}

const corpus = new URL('../../../../corpus/', import.meta.url);
const seeds = SEEDS.map((seed) => readFileSync(new URL(`${seed}.txt`, corpus), 'utf8'));
const texts = [...seeds, ...randomTexts(3000), '', 'x', 'the', 'The cat', 'a'.repeat(5000)];

describe('character loops', () => {
  it('count words as before', () => {
    for (const text of texts) expect(wordCount(text)).toBe(wordCountBefore(text));
  });

  it('tell the language as before', () => {
    for (const text of texts) expect(detectLanguage(text)).toBe(detectLanguageBefore(text));
    // many short English words, past the 400-word and 3,000-character limits
    const long = 'the of and to in '.repeat(300);
    expect(detectLanguage(long)).toBe(detectLanguageBefore(long));
  });

  it('splitCount is the length of split(/\\s+/)', () => {
    const spaces = ['', ' ', '  ', '\t', '\n \n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'];
    for (const text of [...texts, ...spaces, ...spaces.map((s) => `a${s}b${s}`)])
      expect(splitCount(text)).toBe(text.split(/\s+/).length);
  });

  it('keepsMoreThan never says more when cleaning keeps fewer', () => {
    const answers = new Set<boolean>();
    for (const [i, text] of texts.entries()) {
      const kept = cleanString(text).length;
      for (const n of [0, 1, 5, kept - 1, kept, kept + 1, 80].filter((n) => n >= 0)) {
        const says = keepsMoreThan(text, n);
        answers.add(says);
        // whenever it says "more than n", cleaning keeps more than n
        expect(!says || kept > n, `text ${i}, n ${n}: said more, cleaning kept ${kept}`).toBe(true);
      }
      // it counts only characters cleaning keeps, so it never says more than all of them
      expect(keepsMoreThan(text, kept), `text ${i}`).toBe(false);
    }
    // both answers were given, so neither branch above went untested
    expect([...answers].sort()).toEqual([false, true]);
  });
});
