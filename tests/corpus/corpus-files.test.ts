import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const corpus = new URL('../../corpus/', import.meta.url);
const seeds = new URL('../../../shared/corpus-seeds/', import.meta.url);
const reports = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('the shipped corpus', () => {
  it('holds the five Aleppo reports under their seed names', () => {
    expect(reports).toEqual([
      '000_ea18342763ee7f17.txt',
      '001_5bae0838f8ec4212.txt',
      '002_128d923c1ed1c91d.txt',
      '003_7e8356547cb68094.txt',
      '004_388484fd9ac85dd6.txt',
    ]);
  });

  it.each(reports)('%s is valid UTF-8 with a headline on its first line', (name) => {
    const bytes = readFileSync(new URL(name, corpus));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.split('\n')[0]?.trim().length).toBeGreaterThan(3);
  });

  it.runIf(existsSync(seeds))('is byte-identical to ../shared/corpus-seeds', () => {
    for (const name of reports) {
      expect(readFileSync(new URL(name, corpus)).equals(readFileSync(new URL(name, seeds))), name).toBe(true);
    }
  });
});
