/**
 * Quotes compared across articles: outlets re-punctuate and re-case what a speaker said
 * ("warplanes and rocket" vs "warplanes, and rocket"), so quotes are compared as word sequences.
 */

/** Quotes shorter than this are too common ("no comment", "ever shrinking") to tie two reports. */
export const MIN_QUOTE_WORDS = 6;

export function quoteWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Every run of MIN_QUOTE_WORDS consecutive words, joined by spaces: two quotes sharing one are
 * candidates. The words are joined once and each run is a slice of that string, rather than an
 * array sliced and joined per run (a quote of 20 words has 15 runs). `size` is at least 1.
 */
export function shingles(words: readonly string[], size = MIN_QUOTE_WORDS): string[] {
  const text = words.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) {
    const last = i + size - 1;
    out.add(text.slice(starts[i], (starts[last] as number) + (words[last] as string).length));
  }
  return [...out];
}

/** The shorter quote appears word for word inside the longer one. */
export function quoteContained(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_QUOTE_WORDS) return false;
  return ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
}

/** Same words, allowing a few to differ (a dropped "the", a translation variant). */
export function quotesNearIdentical(a: readonly string[], b: readonly string[]): boolean {
  if (quoteContained(a, b)) return true;
  if (a.length < MIN_QUOTE_WORDS || b.length < MIN_QUOTE_WORDS) return false;
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared) >= 0.8;
}
