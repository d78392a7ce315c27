import { Worker } from 'node:worker_threads';
import { extractAll } from '@sitrep/extract/extract-article';
import type { ReadItem } from '@sitrep/extract/read';
import { toIngestItem } from '../extract-items.ts';
import type { IngestItem } from '../ingest.ts';
import type { ExtractRequest, ExtractResult } from './messages.ts';

/**
 * Inputs with fewer articles than this are extracted in this thread: starting a worker (tsx,
 * the extractor and its language model, ~0.5 s) costs more than a handful of articles take.
 */
export const SMALL_INPUT = 64;

/**
 * Articles each worker may hold at once. Deep enough that workers keep extracting while the
 * main thread is busy writing a batch (a 200-article transaction), shallow enough that memory
 * stays bounded: at most jobs × DEPTH articles are in flight.
 */
export const DEPTH = 64;

interface PoolWorker {
  worker: Worker;
  /** set once the worker has loaded the extractor; until then it is given nothing */
  ready: boolean;
  outstanding: Set<number>;
}

interface Pending {
  resolve: (item: IngestItem) => void;
  reject: (error: Error) => void;
}

/**
 * Extraction spread over `jobs` worker threads, yielded in input order. Order matters: ingest
 * batches, and so what a crash can lose and what its re-run redoes, must not depend on which
 * worker finished first. A worker that dies fails the run rather than
 * silently dropping the articles it held (a plain Error: that is a
 * crash, not something the input caused).
 */
export async function* parallelExtractedItems(
  reads: AsyncIterable<ReadItem>,
  jobs: number,
): AsyncGenerator<IngestItem> {
  const input = reads[Symbol.asyncIterator]();
  const head: ReadItem[] = [];
  let done = false;
  while (!done && head.length < SMALL_INPUT) {
    const next = await input.next();
    if (next.done) done = true;
    else head.push(next.value);
  }
  if (done) {
    for await (const item of extractAll(fromArray(head))) yield toIngestItem(item);
    return;
  }

  const pending = new Map<number, Pending>();
  const workers = Array.from({ length: jobs }, () => startWorker(pending));
  const queue: Promise<IngestItem>[] = [];
  let seq = 0;
  const dispatch = async (item: ReadItem) => {
    const ready = workers.filter((w) => w.ready);
    if (!item.ok || ready.length === 0) {
      // Read errors need no worker; and while the pool is still loading (about a second),
      // this thread extracts rather than waits, so a pool never makes a run slower.
      for await (const extracted of extractAll(fromArray([item])))
        queue.push(Promise.resolve(toIngestItem(extracted)));
      // A buffered reader resolves from memory, never leaving the microtask queue; without
      // this turn of the event loop a worker's "ready" would wait until the next disk read.
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    const n = seq++;
    const target = ready.reduce((a, b) => (b.outstanding.size < a.outstanding.size ? b : a));
    queue.push(
      new Promise<IngestItem>((resolve, reject) => {
        pending.set(n, { resolve, reject });
        target.outstanding.add(n);
        target.worker.postMessage({ seq: n, item } satisfies ExtractRequest);
      }),
    );
  };
  try {
    for (const item of head) await dispatch(item);
    head.length = 0;
    for (;;) {
      while (!done && queue.length < jobs * DEPTH) {
        const next = await input.next();
        if (next.done) done = true;
        else await dispatch(next.value);
      }
      const first = queue.shift();
      if (!first) break;
      yield await first;
    }
  } finally {
    // Settle what is still queued (an early stop by the consumer) so nothing rejects unheard.
    for (const p of queue) p.catch(() => {});
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

function startWorker(pending: Map<number, Pending>): PoolWorker {
  // execArgv []: the bootstrap registers tsx itself; inheriting a parent's tsx loader as well
  // would transform every module twice.
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { execArgv: [] });
  const self: PoolWorker = { worker, ready: false, outstanding: new Set() };
  worker.on('message', (message: ExtractResult | 'ready') => {
    if (message === 'ready') {
      self.ready = true;
      return;
    }
    const { seq, item } = message;
    self.outstanding.delete(seq);
    const p = pending.get(seq);
    pending.delete(seq);
    p?.resolve(item);
  });
  const fail = (reason: string) => {
    const error = new Error(
      `an extraction worker stopped (${reason}); nothing from its unfinished articles was stored — re-run the ingest, or use --jobs 1 to extract in one thread`,
    );
    for (const seq of self.outstanding) {
      pending.get(seq)?.reject(error);
      pending.delete(seq);
    }
    self.outstanding.clear();
  };
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', (code) => {
    if (self.outstanding.size > 0) fail(`exit code ${code}`);
  });
  return self;
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
