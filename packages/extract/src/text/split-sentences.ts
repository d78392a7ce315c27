import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

// Sentence boundaries only: the other wink pipes (POS, NER) are not used and cost time.
const nlp = winkNLP(model, ['sbd']);

/**
 * Sentence ranges `[start, end)` in a cleaned paragraph. wink-nlp's boundary detector knows
 * abbreviations ("U.S.", "Sept.", "Mr."); it is given one paragraph at a time, which is what
 * made it split every seed sentence correctly.
 */
export function splitSentences(paragraph: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let cursor = 0;
  nlp
    .readDoc(paragraph)
    .sentences()
    .each((sentence: { out(): string }) => {
      const text = sentence.out();
      const at = paragraph.indexOf(text, cursor);
      if (at === -1) return;
      ranges.push({ start: at, end: at + text.length });
      cursor = at + text.length;
    });
  if (ranges.length === 0 && paragraph.trim()) ranges.push({ start: 0, end: paragraph.length });
  return ranges;
}
