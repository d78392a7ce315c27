import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseSeed, type Category, type Gold, keys, SEEDS, toGold } from './gold/gold-records.ts';
import { percent, precision, recall, type Score, score } from './gold/score.ts';

/**
 * The five seeds against gold files written by reading them (test/gold/*.json, each with
 * notes on the judgement calls). Floors are the scores reached when the gold was written:
 * the test fails on any regression, and the table shows how far from 100% each part is.
 */
const FLOOR: Record<Category, { precision: number; recall: number }> = {
  quantities: { precision: 1, recall: 1 },
  quantityDates: { precision: 1, recall: 1 },
  events: { precision: 1, recall: 1 },
  claims: { precision: 1, recall: 1 },
  places: { precision: 1, recall: 1 },
};

const categories = Object.keys(keys) as Category[];
const rows: Record<string, string | number>[] = [];
const totals = new Map<Category, { expected: number; found: number; matched: number }>();

describe.each(SEEDS)('seed %s', (seed) => {
  const gold = JSON.parse(readFileSync(new URL(`./gold/${seed}.json`, import.meta.url), 'utf8')) as Gold;
  const found = toGold(seed, analyseSeed(seed));

  it.each(categories)('matches the gold %s', (category) => {
    const s: Score = score(keys[category](gold), keys[category](found));
    const t = totals.get(category) ?? { expected: 0, found: 0, matched: 0 };
    totals.set(category, {
      expected: t.expected + s.expected,
      found: t.found + s.found,
      matched: t.matched + s.matched,
    });
    rows.push({
      seed: seed.slice(0, 3),
      category,
      gold: s.expected,
      found: s.found,
      precision: percent(precision(s)),
      recall: percent(recall(s)),
    });
    const floor = FLOOR[category];
    expect(precision(s), `extra: ${s.extra.join('\n')}`).toBeGreaterThanOrEqual(floor.precision);
    expect(recall(s), `missing: ${s.missing.join('\n')}`).toBeGreaterThanOrEqual(floor.recall);
  });
});

afterAll(() => {
  for (const category of categories) {
    const t = totals.get(category);
    if (t)
      rows.push({
        seed: 'all',
        category,
        gold: t.expected,
        found: t.found,
        precision: percent(precision(t)),
        recall: percent(recall(t)),
      });
  }
  console.table(rows);
});
