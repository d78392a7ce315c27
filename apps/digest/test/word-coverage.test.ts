import { describe, expect, it } from 'vitest';
import type { DayEvent } from '../src/day-data.ts';
import { countryNames, listCountries } from '../src/word-coverage.ts';

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

describe("ordering an issue's countries", () => {
  const events = (codes: string[]) => codes.map((country) => ({ country }) as DayEvent);

  it('puts the country with most stories first, and on a tie the higher-ranked story’s', () => {
    // the lead story is Sudan's; Mali would come first alphabetically
    expect(countryNames(events(['SD', 'UA', 'ML', 'UA']))).toEqual(['Ukraine', 'Sudan', 'Mali']);
    expect(countryNames(events(['HT', 'SD']))).toEqual(['Haiti', 'Sudan']);
  });
});
