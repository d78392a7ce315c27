import type { Found } from './read-chrono-result.ts';

// The date mentions of one sentence are kept sorted by offset. These helpers keep every step
// logarithmic or local, so a pathological "sentence" of 880k characters with tens of thousands
// of mentions stays linear (sorting the list after each insertion made it quadratic).

/** Index of the first mention at or after offset `at`. */
export function firstAtOrAfter(found: readonly Found[], at: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((found[mid] as Found).index < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts after every mention at or before its offset (where a stable sort would put it). */
export function insertSorted(found: Found[], f: Found): void {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((found[mid] as Found).index <= f.index) lo = mid + 1;
    else hi = mid;
  }
  found.splice(lo, 0, f);
}

/** The last mention before offset `at` that names a day with the given bound set. */
export function lastDayBefore(
  found: readonly Found[],
  at: number,
  bound: 'start' | 'end',
): Found | undefined {
  for (let k = firstAtOrAfter(found, at) - 1; k >= 0; k--) {
    const f = found[k] as Found;
    if (f.precision === 'day' && f[bound]) return f;
  }
  return undefined;
}
