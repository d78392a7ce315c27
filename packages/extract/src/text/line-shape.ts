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

/** Apostrophes, full stops and hyphens join two runs into one word ("al-Assad", "U.S", "don't"). */
const JOINERS = new Set([39, 0x2019, 46, 45]);

/**
 * Words: runs of letters and digits, joined by one apostrophe, full stop or hyphen. A
 * character loop rather than a regex, as it runs over every paragraph.
 */
export function wordCount(text: string): number {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    count++;
    while (step > 0) {
      i += step;
      step = wordCharAt(text, i);
      if (step === 0 && JOINERS.has(text.charCodeAt(i)) && wordCharAt(text, i + 1) > 0) {
        i++;
        step = wordCharAt(text, i);
      }
    }
  }
  return count;
}
