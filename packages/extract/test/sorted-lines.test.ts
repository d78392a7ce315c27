import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SortedLines } from '../src/places/sorted-lines.ts';

const TABLES = ['places.tsv', 'names.tsv', 'admin1.tsv', 'admin2.tsv', 'common-words.txt'];
const bytesOf = (file: string) => readFileSync(new URL(`../data/world/${file}`, import.meta.url));

/** The table read the plain way: the text split into lines, header dropped, searched as strings. */
function asStrings(text: string) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  while (lines[0]?.startsWith('#')) lines.shift();
  const keys = lines.map((l) => l.split('\t')[0] as string);
  const find = (key: string) => {
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = keys[mid] as string;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  return { lines, keys, find };
}

describe('SortedLines over the world tables', () => {
  it.each(TABLES)(
    '%s holds no character at or past U+D800, where byte order and string order part',
    (file) => {
      expect(/[\uD800-\uFFFF]/.test(bytesOf(file).toString('utf8'))).toBe(false);
    },
  );

  it.each(TABLES)('%s: lines, keys and searches agree with the text split as strings', (file) => {
    const bytes = bytesOf(file);
    const table = new SortedLines(bytes);
    const plain = asStrings(bytes.toString('utf8'));
    expect(table.length).toBe(plain.lines.length);
    // every line of the small tables, a spread of the large ones
    const step = Math.max(1, Math.floor(plain.lines.length / 5000));
    for (let i = 0; i < plain.lines.length; i += step) {
      expect(table.line(i)).toBe(plain.lines[i]);
      const key = plain.keys[i] as string;
      expect(table.key(i)).toBe(key);
      // present, and absent neighbours on both sides (a letter past any, one short, a prefix)
      for (const probe of [key, `${key}\u00ff`, `${key}\u{1f600}`, key.slice(0, -1), `${key} `, ''])
        expect(table.find(probe), JSON.stringify(probe)).toBe(plain.find(probe));
    }
    expect(table.line(plain.lines.length - 1)).toBe(plain.lines.at(-1));
  });

  it('reads a table without a final newline and with a header alone', () => {
    const t = new SortedLines(Buffer.from('# source\nb\t2\nd\t4'));
    expect([t.length, t.line(0), t.line(1), t.key(1), t.find('d'), t.find('c')]).toEqual([
      2,
      'b\t2',
      'd\t4',
      'd',
      1,
      -1,
    ]);
    expect(new SortedLines(Buffer.from('# only a header\n')).length).toBe(0);
  });
});
