const ENGLISH_WORDS =
  'the of and to in a is that for on was with said by as at from has have were are it an be this who which after their had its been not but'.split(
    ' ',
  );

/**
 * A word of one to five ASCII letters as a number, five bits a letter, case folded (`| 32`):
 * the words are looked up without slicing and lower-casing each one. Every English function word
 * listed is short ASCII, so a longer word or one with another letter is not among them (the one
 * non-ASCII letter that lower-cases to ASCII, the Kelvin sign, would become a "k", which none of
 * them has). Distinct words give distinct numbers: no letter is 0.
 */
function wordCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return -1;
    code = code * 32 + (c - 96);
  }
  return code;
}
const ENGLISH = new Set(ENGLISH_WORDS.map((w) => wordCode(w, 0, w.length)));
// the longest function word has five letters
const isFunctionWord = (text: string, start: number, end: number): boolean =>
  end - start <= 5 && ENGLISH.has(wordCode(text, start, end));

/**
 * "en" when common English function words make up a plausible share of the words, else
 * "und" (undetermined, BCP 47): Sitrep reads English and says so rather than guess.
 */
export function detectLanguage(text: string): string {
  // Words are runs of letters in the first 3,000 characters; the first 400 are counted. A
  // character loop, so no array of words is built for every article; ASCII is answered from a
  // table in the loop itself (a call per character cost twice the time).
  const head = text.length > 3000 ? text.slice(0, 3000) : text;
  let words = 0;
  let hits = 0;
  let start = -1;
  for (let i = 0; i < head.length && words < 400; i++) {
    const code = head.charCodeAt(i);
    const step = code < 128 ? (ASCII_LETTER[code] as number) : letterAt(head, i);
    if (step > 0) {
      if (start === -1) start = i;
      // a letter written as a surrogate pair: skip its second half
      i += step - 1;
    } else if (start !== -1) {
      words++;
      if (isFunctionWord(head, start, i)) hits++;
      start = -1;
    }
  }
  // a word running to the end of the head
  if (start !== -1 && words < 400) {
    words++;
    if (isFunctionWord(head, start, head.length)) hits++;
  }
  if (words === 0) return 'und';
  return hits / words >= 0.12 ? 'en' : 'und';
}

const ASCII_LETTER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LETTER[c] = /[A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0;

const LETTER = /^\p{L}/u;
/** Length of the letter at `i` (0 for none, 2 for a surrogate pair). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_LETTER[c] as number;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i) as number;
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}
