/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside quotes. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?:]["'\u201d\u2019)\]]*$/.test(text.trimEnd());
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
/**
 * Length of the letter or digit at `i`: 0 when there is none (or `i` is outside the text), 2
 * for a letter written as a surrogate pair. ASCII is answered by code, the rest by class.
 */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0; // outside the text
  const cp = text.codePointAt(i) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The white space of `\s`: ASCII from a table, the rest (NBSP, U+2000..., BOM) asked of the regex. */
const ASCII_SPACE = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_SPACE[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
const SPACE = /\s/;

/**
 * How many pieces `text.split(/\s+/)` gives (runs of white space + 1, empty ends included),
 * without building them: the claims code counts words this way for every attribution.
 */
export function splitCount(text: string): number {
  let pieces = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code < 128 ? ASCII_SPACE[code] === 1 : SPACE.test(text[i] as string);
    if (space && !inSpace) pieces++;
    inSpace = space;
  }
  return pieces;
}

/** Apostrophes, full stops and hyphens join two runs into one word ("al-Assad", "U.S", "don't"). */
const isJoiner = (code: number): boolean => code === 39 || code === 0x2019 || code === 46 || code === 45;

/** ASCII letters and digits, 1 in a table: the word count reads every character of every paragraph. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Words: runs of letters and digits, joined by one apostrophe, full stop or hyphen. A
 * character loop rather than a regex, as it runs over every paragraph; ASCII is answered
 * from a table in the loop itself (a call per character cost twice the time).
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const step = code < 128 ? (ASCII_WORD[code] as number) : wordCharAt(text, i);
    if (step > 0) {
      if (!inWord) count++;
      inWord = true;
      // a letter written as a surrogate pair: skip its second half
      i += step - 1;
    } else if (!(inWord && isJoiner(code) && wordCharAt(text, i + 1) > 0)) inWord = false;
  }
  return count;
}
