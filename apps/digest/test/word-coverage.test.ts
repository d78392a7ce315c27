import { describe, expect, it } from 'vitest';
import { listCountries } from '../src/word-coverage.ts';

describe("naming an issue's countries", () => {
  it.each([
    [['Sudan'], 'Sudan'],
    [['Sudan', 'Haiti'], 'Sudan and Haiti'],
    [['Ukraine', 'Sudan', 'Haiti'], 'Ukraine, Sudan and Haiti'],
    [['Ukraine', 'Sudan', 'Haiti', 'Myanmar'], 'Ukraine, Sudan, Haiti and 1 more country'],
    [['Ukraine', 'Sudan', 'Haiti', 'Myanmar', 'Mali'], 'Ukraine, Sudan, Haiti and 2 more countries'],
  ])('%j → %s', (names, words) => {
    expect(listCountries(names)).toBe(words);
  });
});
