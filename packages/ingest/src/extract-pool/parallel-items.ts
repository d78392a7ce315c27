import { Worker } from 'node:worker_threads';
import { extractHere, isRaw, type RawInput } from '../extract-items.ts';
import type { IngestInput, IngestItem } from '../ingest.ts';
import { type ExtractRequest, type ExtractResult, fromWire } from './messages.ts';

/**
 * Inputs with fewer articles than this are extracted in this thread: starting a worker (tsx,
 * the extractor and its language model, ~0.5 s) costs more than a handful of articles take.
 */
export const SMALL_INPUT = 64;

/**
 * Articles each worker may hold at once. Deep enough that workers keep extracting while the
 * main thread is busy writing a batch (a 200-article transaction takes ~0.1 s, ~80 articles of
 * a warm worker), shallow enough that a worker still cold from loading (~10 ms an article for
 * its first hundred) does not sit on the next record for long.
 */
export const DEPTH = 64;

/**
 * Records this thread may extract ahead of the one it is waiting for. This thread extracts
 * whenever it would otherwise wait (the worker is loading, or still cold, or simply behind),
 * and what it extracts lines up behind the workers' articles; this bounds that line, and so
 * memory: at most jobs × DEPTH + AHEAD articles are in flight.
 */
export const AHEAD = 256;

export interface PoolOptions {
  /**
   * Default true. False: this thread only hands articles out and records back, and waits for a
   * worker while none is ready, so every article goes through a worker (tests use this, to be
   * sure the workers' path is the one compared). Read errors and a pool whose workers have all
   * stopped are still handled here.
   */
  extractHere?: boolean;
  /** The workers' entry point; tests give one that crashes. Default: worker-bootstrap.mjs. */
  workerScript?: URL;
}

interface PoolWorker {
  worker: Worker;
  /** set once the worker has loaded the extractor; until then it is given nothing */
  ready: boolean;
  /** set when the worker has exited or failed: it is given nothing more */
  stopped: boolean;
  outstanding: Set<number>;
}

/** One article's place in the output order: extracted here (settled at once) or by a worker. */
interface Slot {
  settled: boolean;
  result: Promise<IngestItem>;
}

interface Pending {
  resolve: (item: IngestItem) => void;
  reject: (error: Error) => void;
}

/**
 * Extraction spread over `jobs` worker threads and this one, yielded in input order. Order
 * matters: ingest batches, and so what a crash can lose and what its re-run redoes, must not
 * depend on which thread finished first. A worker that dies fails the run rather than
 * silently dropping the articles it held (a plain Error: that is a crash, not something the
 * input caused).
 *
 * Each ready worker is kept DEPTH articles deep. This thread hands out the records in order
 * (the consumer stores them between two `next()` calls) and, whenever the next record is not
 * back yet, extracts the next article itself instead of waiting: while the workers load
 * (~0.5 s), while a new worker's code is still cold (its first hundred articles take several
 * times what a warm thread takes), and whenever storing leaves it time. On two cores one worker
 * plus this thread keeps both busy; before, this thread stopped extracting the moment a worker
 * was ready and then mostly waited for a cold worker (FA-KES: 5.5 s against 2.5 s in one
 * thread).
 */
export async function* parallelExtractedItems(
  reads: AsyncIterable<IngestInput>,
  jobs: number,
  options: PoolOptions = {},
): AsyncGenerator<IngestItem> {
  const extractLocally = options.extractHere ?? true;
  const input = reads[Symbol.asyncIterator]();
  const head: IngestInput[] = [];
  let done = false;
  while (!done && head.length < SMALL_INPUT) {
    const next = await input.next();
    if (next.done) done = true;
    else head.push(next.value);
  }
  // A small input, or records already extracted (`sitrep ingest --extracted`): no pool.
  if (done || !head.some(isRaw)) {
    for (const item of head) yield isRaw(item) ? await extractHere(item) : item;
    for (let next = await input.next(); !next.done; next = await input.next())
      yield isRaw(next.value) ? await extractHere(next.value) : next.value;
    return;
  }

  const pending = new Map<number, Pending>();
  // Resolved on any news from a worker (ready, a result, a stop): what a thread with nothing to
  // extract and nothing back yet waits for.
  let wake = () => {};
  const news = () => new Promise<void>((resolve) => (wake = resolve));
  const workers = Array.from({ length: jobs }, () =>
    startWorker(pending, () => wake(), options.workerScript),
  );
  const queue: Slot[] = [];
  let seq = 0;
  let read = 0;
  const nextRead = async (): Promise<IngestInput | undefined> => {
    if (read < head.length) return head[read++];
    if (done) return undefined;
    const next = await input.next();
    if (!next.done) return next.value;
    done = true;
    return undefined;
  };
  const more = () => read < head.length || !done;
  const here = async (item: IngestInput) => {
    const result = isRaw(item) ? await extractHere(item) : item;
    queue.push({ settled: true, result: Promise.resolve(result) });
  };
  const post = (target: PoolWorker, item: RawInput) => {
    const n = seq++;
    let settle: Pending = { resolve: () => {}, reject: () => {} };
    const slot: Slot = {
      settled: false,
      result: new Promise((resolve, reject) => (settle = { resolve, reject })),
    };
    // Handled when its turn comes; until then a crash must not count as an unhandled rejection.
    slot.result.catch(() => {});
    pending.set(n, {
      resolve: (extracted) => {
        slot.settled = true;
        settle.resolve(extracted);
      },
      reject: (error) => {
        slot.settled = true;
        settle.reject(error);
      },
    });
    target.outstanding.add(n);
    queue.push(slot);
    target.worker.postMessage({ seq: n, item } satisfies ExtractRequest);
  };
  const hungry = () => {
    let target: PoolWorker | undefined;
    for (const w of workers)
      if (w.ready && w.outstanding.size < DEPTH && (!target || w.outstanding.size < target.outstanding.size))
        target = w;
    return target;
  };
  const limit = jobs * DEPTH + AHEAD;
  try {
    for (;;) {
      // Keep every ready worker DEPTH deep, so it never waits for this thread.
      for (let target = hungry(); target && more() && queue.length < limit; target = hungry()) {
        const item = await nextRead();
        if (!item) break;
        // Read errors and records already extracted need no worker.
        if (isRaw(item)) post(target, item);
        else await here(item);
      }
      const first = queue[0];
      const alone = workers.every((w) => w.stopped);
      if (!first && more() && !extractLocally && !alone) {
        // Nothing handed out yet and this thread is not to extract: wait for a worker.
        await news();
        continue;
      }
      if (!first?.settled && more() && queue.length < limit && (extractLocally || alone)) {
        // The next record is not back yet (or no worker is ready): extract the next article here
        // rather than wait.
        const item = await nextRead();
        if (item) await here(item);
        // A buffered reader resolves from memory, never leaving the microtask queue; this turn
        // of the event loop lets the workers' results (and a worker's "ready") in.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!first) break;
      queue.shift();
      yield await first.result;
    }
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

function startWorker(
  pending: Map<number, Pending>,
  onNews: () => void,
  script = new URL('./worker-bootstrap.mjs', import.meta.url),
): PoolWorker {
  // execArgv []: the bootstrap registers tsx itself; inheriting a parent's tsx loader as well
  // would transform every module twice.
  const worker = new Worker(script, { execArgv: [] });
  const self: PoolWorker = { worker, ready: false, stopped: false, outstanding: new Set() };
  worker.on('message', (message: ExtractResult | 'ready') => {
    onNews();
    if (message === 'ready') {
      self.ready = true;
      return;
    }
    const { seq, item } = message;
    self.outstanding.delete(seq);
    const p = pending.get(seq);
    pending.delete(seq);
    p?.resolve(fromWire(item));
  });
  const fail = (reason: string) => {
    // Given nothing more: what is still to come is extracted by the others, or in this thread.
    self.ready = false;
    self.stopped = true;
    const error = new Error(
      `an extraction worker stopped (${reason}); nothing from its unfinished articles was stored — re-run the ingest, or use --jobs 1 to extract in one thread`,
    );
    for (const seq of self.outstanding) {
      pending.get(seq)?.reject(error);
      pending.delete(seq);
    }
    self.outstanding.clear();
  };
  worker.on('error', (error) => {
    fail(error.message);
    onNews();
  });
  worker.on('exit', (code) => {
    self.ready = false;
    self.stopped = true;
    if (self.outstanding.size > 0) fail(`exit code ${code}`);
    onNews();
  });
  return self;
}
