import { prepareDocument } from '@sitrep/extract/prepare';
import { rawArticleFromText } from '@sitrep/extract/read';
import { describe, expect, it } from 'vitest';
import { cleanRange } from '../../src/text/clean-text.ts';

describe('cleaning keeps a map back to the original', () => {
  it.each([
    ['plain text', 'Rebels said so.', 'Rebels said so.'],
    ['NBSP and narrow spaces', 'at least 84\u00a0civilians\u202fdied', 'at least 84 civilians died'],
    [
      'typographic quotes',
      '\u201cNothing has changed,\u201d he said. Syria\u2019s',
      '"Nothing has changed," he said. Syria\'s',
    ],
    ['an ellipsis becomes three dots', 'We are working hard \u2026 to see', 'We are working hard ... to see'],
    ['runs of space and line breaks', '  one\r\n  two\t\tthree  ', 'one two three'],
    ['invisible characters', 'Alep\u00adpo\u200b city', 'Aleppo city'],
  ])('%s', (_name, original, cleaned) => {
    const clean = cleanRange(original, 0, original.length);
    expect(clean.text).toBe(cleaned);
    expect(clean.map).toHaveLength(cleaned.length + 1);
    // Every plain cleaned character maps to the same character in the original.
    for (let i = 0; i < cleaned.length; i++) {
      const ch = cleaned[i] as string;
      if (/[A-Za-z0-9]/.test(ch)) expect(original[clean.map[i] as number]).toBe(ch);
    }
  });

  it('points sentence spans into CRLF text with curly quotes and NBSP', () => {
    const original =
      'A headline\r\n\r\n\u201cThey fled,\u201d a\u00a0resident said on Friday.\r\nA second line of the same paragraph follows here for good measure.\r\n';
    const doc = prepareDocument(rawArticleFromText(original, { path: 'crlf.txt' }).raw);
    expect(doc.sentences.map((s) => s.text)).toEqual([
      '"They fled," a resident said on Friday.',
      'A second line of the same paragraph follows here for good measure.',
    ]);
    const [first] = doc.sentences;
    if (!first) throw new Error('no sentence');
    expect(original.slice(first.span.start, first.span.end)).toBe(
      '\u201cThey fled,\u201d a\u00a0resident said on Friday.',
    );
    const at = first.text.indexOf('Friday');
    expect(original.slice(first.toOriginal(at), first.toOriginal(at + 6))).toBe('Friday');
  });
});
