import type { Sentence } from '../src/prepared-document.ts';

/**
 * Sentences from plain strings for unit tests of the analysis rules: one paragraph per
 * string array, offsets counted as if the paragraphs were joined by blank lines.
 */
export function plainSentences(...paragraphs: string[][]): Sentence[] {
  const out: Sentence[] = [];
  let base = 0;
  paragraphs.forEach((sentences, paragraph) => {
    for (const text of sentences) {
      const start = base;
      out.push({ text, span: { start, end: start + text.length }, paragraph, toOriginal: (o) => o + start });
      base += text.length + 1;
    }
    base += 1;
  });
  return out;
}
