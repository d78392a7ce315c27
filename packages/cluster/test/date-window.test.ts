import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDay } from '../src/date-window.ts';

// dayNumber and isoFromDay do the calendar arithmetic themselves (for speed); they must give
// exactly what the Date-based one-liners they replaced give, for every input.
const DAY_MS = 86_400_000;
const parsed = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const printed = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pad = (x: number, width: number) => String(x).padStart(width, '0');

describe('day numbers', () => {
  it('parse every written date of 1899–2101 (and days 00, 29–32, months 00 and 13) as Date.parse does', () => {
    const wrong: string[] = [];
    for (let y = 1899; y <= 2101; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const iso = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
          if (!Object.is(dayNumber(iso), parsed(iso))) wrong.push(iso);
        }
    expect(wrong).toEqual([]);
  });

  it('parse odd strings and far years as Date.parse does', () => {
    const odd = [
      '',
      '2016',
      '2016-1-01',
      '+002016-01-01',
      '2016/01/01',
      '2016-0a-01',
      '0000-01-01',
      '0099-03-01',
      '9999-12-31',
    ];
    for (const iso of odd) expect(Object.is(dayNumber(iso), parsed(iso)), iso).toBe(true);
  });

  it('print days as toISOString does, years below 1000 and above 9999 included', () => {
    const wrong: number[] = [];
    // every day of 1899–2101, then every 37th day of years 0–10000 (all month and leap phases)
    for (let day = -25_933; day <= 48_212; day++) if (isoFromDay(day) !== printed(day)) wrong.push(day);
    for (let day = -720_000; day <= 2_933_000; day += 37)
      if (isoFromDay(day) !== printed(day)) wrong.push(day);
    for (const day of [-1_000_000, 3_000_000, 0.5, -0.5, -0])
      if (isoFromDay(day) !== printed(day)) wrong.push(day);
    expect(wrong).toEqual([]);
    expect(() => isoFromDay(Number.NaN)).toThrow(RangeError);
  });
});
