/**
 * A binary heap: `pop` returns the item `before` ranks first. Items already queued are not added twice.
 * Items are swapped through a local, not `[a, b] = [b, a]`, which builds an array per step until
 * the optimiser removes it (and a full recluster runs much of this code before it does).
 */
export class PriorityQueue<T> {
  private readonly heap: T[] = [];
  private readonly queued = new Set<T>();
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    if (this.queued.has(item)) return;
    this.queued.add(item);
    const h = this.heap;
    h.push(item);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      const parent = h[p] as T;
      // h[i] is `item` all the way up: it is what moves
      if (!this.before(item, parent)) break;
      h[i] = parent;
      h[p] = item;
      i = p;
    }
  }

  pop(): T | undefined {
    const h = this.heap;
    const top = h[0];
    if (top === undefined) return undefined;
    this.queued.delete(top);
    const last = h.pop() as T;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l] as T, h[m] as T)) m = l;
        if (r < h.length && this.before(h[r] as T, h[m] as T)) m = r;
        if (m === i) break;
        const moved = h[i] as T;
        h[i] = h[m] as T;
        h[m] = moved;
        i = m;
      }
    }
    return top;
  }
}
