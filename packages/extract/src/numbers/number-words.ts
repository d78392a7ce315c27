import { VAGUE_WORDS } from '@sitrep/schema/quantity';
/**
 * English number words as the wire services write them. Vague words ("dozens") carry the
 * range they imply; `best` is the smallest value the word allows (schema Qualifier `vague`).
 */
export const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "three dozen" is 36, as "three hundred" is 300 */
export const SCALES: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000 };

/** The vague words live with the `vague` qualifier they define, in @sitrep/schema. */
export const VAGUE = VAGUE_WORDS;

export const FRACTIONS: Record<string, number> = { 'a quarter of a': 0.25, 'half a': 0.5, 'a half': 0.5 };
