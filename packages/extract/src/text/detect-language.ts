import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

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
/**
 * Function words no other language writes often: Hungarian's "a" and "is", Dutch "in" and
 * "was", German "an" are off this list. Over FA-KES and world-dev the share of these is at
 * least 0.097 in 99% of articles; over 1,500-character stretches of the Vim tutor in 27 other
 * languages it is at most 0.07 (outside Chinese and Japanese, whose tutors quote English commands).
 */
const PLAINLY_ENGLISH = new Set(
  'the of and to that with said which from were have has their this who been after'
    .split(' ')
    .map((w) => wordCode(w, 0, w.length)),
);

/** How many words the head of `text` has, and how many of them are English function words. */
export interface WordShare {
  words: number;
  /** any of the common function words */
  hits: number;
  /** those only English writes often */
  plain: number;
}

/**
 * Function words among the first 400 words of the first 3,000 characters. A character loop,
 * so no array of words is built for every article; ASCII is answered from a table in the loop
 * itself (a call per character cost twice the time).
 */
export function englishWordShare(text: string): WordShare {
  const head = text.length > 3000 ? text.slice(0, 3000) : text;
  let words = 0;
  let hits = 0;
  let plain = 0;
  let start = -1;
  // one past the head: the end of a word running to the end of the text is counted there
  for (let i = 0; i <= head.length && words < 400; i++) {
    const code = i < head.length ? head.charCodeAt(i) : 32;
    const step = code < 128 ? (ASCII_LETTER[code] as number) : letterAt(head, i);
    if (step > 0) {
      if (start === -1) start = i;
      // a letter written as a surrogate pair: skip its second half
      i += step - 1;
    } else if (start !== -1) {
      words++;
      // the longest function word has five letters
      if (i - start <= 5) {
        const word = wordCode(head, start, i);
        if (ENGLISH.has(word)) hits++;
        if (PLAINLY_ENGLISH.has(word)) plain++;
      }
      start = -1;
    }
  }
  return { words, hits, plain };
}

/** The function-word test alone: "en" when common English function words make a plausible share. */
export function functionWordVerdict(share: WordShare): string {
  return share.words > 0 && share.hits / share.words >= 0.12 ? 'en' : 'und';
}

/** franc reads trigrams reliably from about this many characters on. */
const MIN_SAMPLE = 200;

/**
 * The article's language as a BCP 47 tag. Text whose words are plainly English ("the", "of",
 * "said" ... at least 12% of them) is English without more ado: that is nearly every article,
 * and the check costs a loop over 3,000 characters. Anything else is given to franc (franc-min,
 * trigram profiles of 82 languages); its answer stands when the sample is long enough and the
 * text has few plainly English words (a French report quoting an English sentence is French).
 * A short or unclear text keeps the old test ("en" when common function words are frequent,
 * else "und"), so a short English article with odd characters is never lost.
 */
export function detectLanguage(text: string): string {
  const share = englishWordShare(text);
  if (share.words >= 8 && share.plain / share.words >= 0.12) return 'en';
  const sample = text.slice(0, 1500).trim();
  if (sample.length >= MIN_SAMPLE && share.plain / Math.max(share.words, 1) < 0.05) {
    const code = franc(sample, { minLength: MIN_SAMPLE });
    if (code === 'eng') return 'en';
    if (code !== 'und') return iso6393To1[code] ?? code;
  }
  return functionWordVerdict(share);
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
