/**
 * A speaker as a reader can cite them, or null. Extraction keeps the words it read a speaker
 * from; when it could not resolve them to an actor those words are sometimes a clause cut
 * mid-sentence ("On Tuesday an", "this month the coalition", "30 a.m. warplanes targeted …").
 * Printed after a figure, such a fragment reads as nonsense and costs the whole line its
 * trust, so only words shaped like a name or a title are kept; otherwise the figure is credited
 * to the outlet alone, which is always true.
 */

/**
 * Words a name or title never starts with: prepositions, time words, verbs of saying ("the local
 * council" and "a war monitor" are fine: an article alone is caught by BAD_LAST).
 */
const BAD_FIRST = new Set([
  'on',
  'in',
  'at',
  'by',
  'of',
  'for',
  'from',
  'to',
  'with',
  'after',
  'before',
  'since',
  'during',
  'earlier',
  'later',
  'this',
  'that',
  'these',
  'those',
  'last',
  'next',
  'and',
  'but',
  'or',
  'as',
  'said',
  'says',
  'told',
  'according',
  'while',
  'when',
  'where',
  'which',
  'who',
  'it',
  'they',
  'he',
  'she',
  'we',
  'there',
  'also',
  'some',
  'many',
  'several',
]);
/** Words a name or title never ends with. */
const BAD_LAST = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'and', 'or', 'to', 'for', 'by', 'with']);
/** Verbs of saying and time words inside the phrase: it runs across a clause. */
const CLAUSE_WORD =
  /\b(?:said|says|told|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|targeted|killed|attacked)\b/i;
const MAX_WORDS = 10;
const ARTICLE = new Set(['the', 'a', 'an']);

export function speakerName(words: string): string | null {
  // "said Mounzer Khalil, head of …": the verb of saying is not part of the name
  const text = words
    .trim()
    .replace(/^(?:said|says|told)\s+/i, '')
    .replace(/[\s,;:.]+$/, '');
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  if (/\d/.test(text)) return null;
  if (BAD_FIRST.has(tokens[0]!.toLowerCase()) || BAD_LAST.has(tokens.at(-1)!.toLowerCase())) return null;
  if (CLAUSE_WORD.test(text)) return null;
  // Several words and not one capital: a description ("the local council", "a war monitor")
  // opens with an article; anything else is a clause ("includes nerve agents").
  if (tokens.length > 1 && text === text.toLowerCase() && !ARTICLE.has(tokens[0]!)) return null;
  // a single lower-case word ("officials", "sources") names nobody in particular, but it is true
  return text;
}
