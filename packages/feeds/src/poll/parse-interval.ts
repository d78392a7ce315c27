import { BadInputError } from '@sitrep/schema/errors';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };
/** Polling a feed more often than this is impolite and rarely finds anything new. */
export const MIN_INTERVAL_MS = 60_000;
export const DEFAULT_INTERVAL_MS = 10 * 60_000;
/** A feed polled less than weekly is not being watched. */
export const MAX_INTERVAL_MS = 7 * 86_400_000;

/** "10m", "1h", "1h30m", "90s" → milliseconds; anything else is refused with the accepted forms. */
export function parseInterval(value: string, source = '--every'): number {
  const text = value.trim().toLowerCase();
  const parts = [...text.matchAll(/(\d+)\s*([smhd])/g)];
  const whole = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || whole.replace(/\s/g, '') !== text.replace(/\s/g, ''))
    throw new BadInputError(source, `"${value}" is not an interval; write e.g. 10m, 1h or 1h30m`);
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] as string] as number), 0);
  if (ms < MIN_INTERVAL_MS)
    throw new BadInputError(source, `"${value}" is shorter than the 1m minimum; poll at most once a minute`);
  if (ms > MAX_INTERVAL_MS) throw new BadInputError(source, `"${value}" is longer than the 7d maximum`);
  return ms;
}

/** 600000 → "10m", 5400000 → "1h30m": how `feeds list` prints an interval. */
export function formatInterval(ms: number): string {
  let rest = Math.round(ms / 1000);
  let out = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}
