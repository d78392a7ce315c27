/**
 * A text file of lines sorted by their first tab-separated field, searched where it lies: the
 * file is kept as its UTF-8 bytes and only the offsets of its lines are computed, so a table of
 * 485,000 names loads in a few milliseconds and a lookup is a binary search over byte ranges —
 * instead of a JSON object whose parse makes 485,000 properties before the first lookup.
 * Bytes, not a string: the world tables hold letters past U+00FF ("Ḩamāh"), so V8 would keep them
 * as two bytes a character on its heap (≈ 49 MB for 25 MB of files, all of it for the collector
 * to walk past); a Buffer lies outside the heap at the file's own size, and decoding happens for
 * the few lines a lookup reads. Lines starting with `#` at the top are a header (sources) and
 * are skipped.
 *
 * The search compares bytes where JavaScript compares UTF-16 code units: the two orders agree
 * as long as the table holds no character at or past U+D800 (a surrogate or U+E000…U+FFFF),
 * which the build script checks (`scripts/build-world-places.ts`) and `test/gazetteer.test.ts`
 * holds the shipped tables to.
 */
export class SortedLines {
  readonly bytes: Buffer;
  private readonly starts: Int32Array;
  /** where the last line ends (its newline, or the end of the file) */
  private readonly end: number;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    let at = 0;
    while (bytes[at] === 0x23 /* # */) {
      const nl = bytes.indexOf(0x0a, at);
      at = nl < 0 ? bytes.length : nl + 1;
    }
    // newlines found by indexOf (a native scan), twice: to count, then to fill
    let count = 0;
    for (let i = bytes.indexOf(0x0a, at); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count++;
    const starts = new Int32Array(count + 1);
    let n = 0;
    starts[n++] = at;
    for (let i = bytes.indexOf(0x0a, at); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts[n++] = i + 1;
    const endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a;
    // the final newline opens no line
    this.starts = endsWithNewline ? starts.subarray(0, n - 1) : starts.subarray(0, n);
    this.end = endsWithNewline ? bytes.length - 1 : bytes.length;
  }

  get length(): number {
    return this.starts.length;
  }

  private lineEnd(i: number): number {
    return i + 1 < this.starts.length ? (this.starts[i + 1] as number) - 1 : this.end;
  }

  /** Line `i` without its newline. */
  line(i: number): string {
    return this.bytes.toString('utf8', this.starts[i] as number, this.lineEnd(i));
  }

  /** Where the first field of line `i` ends (its tab, or the line's end). */
  private keyEnd(i: number): number {
    const start = this.starts[i] as number;
    const end = this.lineEnd(i);
    const tab = this.bytes.indexOf(0x09, start);
    return tab >= 0 && tab < end ? tab : end;
  }

  /** The first field of line `i`. */
  key(i: number): string {
    return this.bytes.toString('utf8', this.starts[i] as number, this.keyEnd(i));
  }

  /**
   * The index of the line whose first field is `key` (compared as JavaScript compares strings,
   * or by `compare` when given), or -1.
   */
  find(key: string, compare?: (a: string, b: string) => number): number {
    if (compare) return this.findBy(key, compare);
    // the key's bytes compared in a plain loop: Buffer#compare and #indexOf are native calls,
    // each dearer than the few bytes a key takes to tell apart
    const wanted = Buffer.from(key, 'utf8');
    const bytes = this.bytes;
    const starts = this.starts;
    const n = wanted.length;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = starts[mid] as number;
      // c: the line's key against `wanted`; a tab or newline ends the line's key
      let c = 0;
      for (let k = 0; ; k++) {
        const b = at + k < bytes.length ? (bytes[at + k] as number) : 0x0a;
        const ended = b === 0x09 || b === 0x0a;
        if (k === n) {
          c = ended ? 0 : 1;
          break;
        }
        if (ended) {
          c = -1;
          break;
        }
        const w = wanted[k] as number;
        if (b !== w) {
          c = b < w ? -1 : 1;
          break;
        }
      }
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private findBy(key: string, compare: (a: string, b: string) => number): number {
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
