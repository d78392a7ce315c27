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
  const words =
    text
      .slice(0, 3000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 'und';
  let hits = 0;
  for (const word of words.slice(0, 400)) if (ENGLISH.has(word)) hits++;
  return hits / Math.min(words.length, 400) >= 0.12 ? 'en' : 'und';
}
