/**
 * Many producers (feeds polled side by side), one consumer (the ingest pipeline), with
 * backpressure: a producer waits while `limit` items are queued, so fast page fetches never
 * pile up articles in memory ahead of a slower extraction.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  readonly #limit: number;
  #closed = false;
  #wakeConsumer: (() => void) | null = null;
  readonly #waitingProducers: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  async push(item: T): Promise<void> {
    while (this.#items.length >= this.#limit && !this.#closed)
      await new Promise<void>((resume) => this.#waitingProducers.push(resume));
    this.#items.push(item);
    this.#wakeConsumer?.();
  }

  close(): void {
    this.#closed = true;
    this.#wakeConsumer?.();
    for (const resume of this.#waitingProducers.splice(0)) resume();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) {
        this.#waitingProducers.shift()?.();
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((wake) => {
        this.#wakeConsumer = wake;
      });
      this.#wakeConsumer = null;
    }
  }
}
