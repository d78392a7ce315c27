/**
 * At most one request at a time per host, and a pause between two requests to the same host,
 * whoever asks (the feed and its article pages share one queue). Different hosts run in parallel.
 */
export class HostQueue {
  readonly #delayMs: number;
  readonly #tails = new Map<string, Promise<void>>();

  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(host) ?? Promise.resolve();
    const result = previous.then(task);
    // The next request to this host waits for this one to settle, then for the pause.
    const tail = result.then(
      () => this.#pause(),
      () => this.#pause(),
    );
    this.#tails.set(host, tail);
    // Forget idle hosts so a long-running watcher does not keep one entry per host ever seen.
    void tail.then(() => {
      if (this.#tails.get(host) === tail) this.#tails.delete(host);
    });
    return result;
  }

  #pause(): Promise<void> {
    if (this.#delayMs <= 0) return Promise.resolve();
    return new Promise((done) => setTimeout(done, this.#delayMs));
  }
}
