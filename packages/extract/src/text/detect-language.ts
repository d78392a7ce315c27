const ENGLISH = new Set(
  'the of and to in a is that for on was with said by as at from has have were are it an be this who which after their had its been not but'.split(
    ' ',
  ),
);

/**
 * "en" when common English function words make up a plausible share of the words, else
 * "und" (undetermined, BCP 47): Sitrep reads English and says so rather than guess.
 */
export function detectLanguage(text: string): string {
  // Words are runs of letters in the first 3,000 characters; the first 400 are counted. A
  // character loop, so no array of words is built for every article.
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
    // the longest function word has five letters
    if (i - start <= 5 && ENGLISH.has(head.slice(start, i).toLowerCase())) hits++;
  }
  if (words === 0) return 'und';
  return hits / words >= 0.12 ? 'en' : 'und';
}

const LETTER = /^\p{L}/u;
/** Length of the letter at `i` (0 for none, 2 for a surrogate pair). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i) as number;
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}
