/** Precision and recall of one list of keys against another, counting repeats (a multiset). */
export interface Score {
  expected: number;
  found: number;
  matched: number;
  missing: string[];
  extra: string[];
}

export function score(expected: readonly string[], found: readonly string[]): Score {
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  const extra: string[] = [];
  let matched = 0;
  for (const k of found) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      matched++;
    } else extra.push(k);
  }
  const missing = [...left].flatMap(([k, n]) => Array.from({ length: n }, () => k));
  return { expected: expected.length, found: found.length, matched, missing, extra };
}

export const precision = (s: Pick<Score, 'found' | 'matched'>): number => (s.found ? s.matched / s.found : 1);
export const recall = (s: Pick<Score, 'expected' | 'matched'>): number =>
  s.expected ? s.matched / s.expected : 1;
export const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
