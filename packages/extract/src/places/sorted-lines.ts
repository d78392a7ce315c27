/**
 * A text file of lines sorted by their first tab-separated field, searched where it lies: the
 * file is read as one string and only the offsets of its lines are computed, so a table of
 * 240,000 names loads in a few milliseconds and a lookup is a binary search over slices —
 * instead of a JSON object whose parse makes 240,000 properties before the first lookup.
 * Lines starting with `#` at the top are a header (sources) and are skipped.
 */
export class SortedLines {
  readonly text: string;
  private readonly starts: Int32Array;

  constructor(text: string) {
    this.text = text;
    let at = 0;
    while (text.startsWith('#', at)) at = text.indexOf('\n', at) + 1;
    // newlines found by indexOf (a native scan), twice: to count, then to fill
    let count = 0;
    for (let i = text.indexOf('\n', at); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count + 1);
    let n = 0;
    starts[n++] = at;
    for (let i = text.indexOf('\n', at); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    // the final newline opens no line
    this.starts = text.endsWith('\n') ? starts.subarray(0, n - 1) : starts.subarray(0, n);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `i` without its newline. */
  line(i: number): string {
    const start = this.starts[i] as number;
    const end = i + 1 < this.starts.length ? (this.starts[i + 1] as number) - 1 : this.text.length;
    return this.text.slice(start, this.text.endsWith('\n') && i + 1 === this.starts.length ? end - 1 : end);
  }

  /** The first field of line `i`. */
  key(i: number): string {
    const start = this.starts[i] as number;
    const tab = this.text.indexOf('\t', start);
    const nl = this.text.indexOf('\n', start);
    const end = tab >= 0 && (nl < 0 || tab < nl) ? tab : nl < 0 ? this.text.length : nl;
    return this.text.slice(start, end);
  }

  /** The index of the line whose first field is `key` (compared as JavaScript compares strings), or -1. */
  find(
    key: string,
    compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  ): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(this.key(mid), key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
