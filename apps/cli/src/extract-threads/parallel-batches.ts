import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ReadItem } from '@sitrep/extract/read';
import { shareWorldFiles, type WorldFiles } from '@sitrep/extract/world-files';
import { type BatchRequest, type BatchResult, READY, type ReadArticle, type WorkerData } from './messages.ts';
import { renderBatch } from './render-batch.ts';
import { type Format, type RenderedItem, renderItem } from './rendered-item.ts';
import { extractWorkerScript } from './worker-script.ts';

/**
 * Below this many articles, or this many bytes of text, an input is extracted in one thread: a
 * worker loads its code and the gazetteer and warms up its own compiled code and caches (its first
 * few hundred articles cost two to three times what a warm thread's do), so a small input would
 * be slower with it, and one article's start-up must not pay for it.
 */
export const SMALL_INPUT = { articles: 200, bytes: 1_000_000 };

/** A batch handed out in one piece: ~20–30 ms of a warm thread's work on news articles. */
const BATCH = { articles: 16, chars: 32_768 };

/**
 * Batches a worker holds at once: enough that it is never idle while the main thread extracts
 * a batch of its own or writes, few enough that a cold worker does not sit on the next output.
 */
const DEPTH = 3;

/** How far a thread's heap may grow past what was live before it collects again (V8's flag). */
const HEAP_GROWING_PERCENT = 50;

/**
 * Batches extracted but not yet printed (waiting for an earlier one from a worker): bounds the
 * memory the main thread's head start can take while a worker is loading.
 */
const AHEAD = 64;

export interface ThreadOptions {
  /** threads in all, this one included; 1 extracts here only */
  threads: number;
  /**
   * Default true. False: every batch goes to a worker and this thread only reads and prints
   * (tests use it, so that the workers' path is the one compared to one thread's).
   */
  extractHere?: boolean;
  /** the workers' entry point; tests give one that crashes */
  workerScript?: URL;
}

export interface ThreadReport {
  /** workers started (none for a small input or one thread) */
  workers: number;
  /** why a worker stopped before the end (its batches were then extracted in this thread) */
  failure: string | null;
}

interface Slot {
  articles: ReadArticle[];
  items: RenderedItem[] | null;
}

interface PoolWorker {
  thread: Worker;
  ready: boolean;
  stopped: boolean;
  held: Map<number, Slot>;
}

/**
 * Every item of the input extracted and rendered, in input order, over `threads` threads: this
 * one (reading, printing, and extracting whatever no worker has taken) and `threads - 1`
 * workers. Work is handed out in batches as each worker asks for more, so a worker still
 * loading or warming up takes less and this thread more. Whatever thread extracted an article,
 * it is printed as one thread prints it. A worker that stops (a crash) loses nothing: its
 * unfinished batches are extracted here and `report.failure` says why.
 */
export async function* renderedBatches(
  reads: AsyncIterable<ReadItem>,
  format: Format,
  options: ThreadOptions,
  report: ThreadReport = { workers: 0, failure: null },
): AsyncGenerator<RenderedItem[]> {
  if (options.threads <= 1) {
    yield* serial(reads, format);
    return;
  }
  const input = reads[Symbol.asyncIterator]();
  // Read ahead to tell a small input, which never starts a worker.
  const head: ReadItem[] = [];
  let articles = 0;
  let chars = 0;
  let done = false;
  while (articles < SMALL_INPUT.articles && chars < SMALL_INPUT.bytes) {
    const next = await input.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    if (next.value.ok) {
      articles++;
      chars += next.value.raw.text.length;
    }
  }
  const rest = (async function* () {
    yield* head;
    if (!done) for (let next = await input.next(); !next.done; next = await input.next()) yield next.value;
  })();
  if (done) {
    yield* serial(rest, format);
    return;
  }
  yield* parallel(rest[Symbol.asyncIterator](), format, options, report);
}

async function* serial(input: AsyncIterable<ReadItem>, format: Format): AsyncGenerator<RenderedItem[]> {
  const { extractAll } = await import('@sitrep/extract/extract-article');
  for await (const item of extractAll(input)) yield [renderItem(item, format)];
}

async function* parallel(
  input: AsyncIterator<ReadItem>,
  format: Format,
  options: ThreadOptions,
  report: ThreadReport,
): AsyncGenerator<RenderedItem[]> {
  const extractHere = options.extractHere ?? true;
  // News from a worker (ready, a result, a stop) is counted, so that news which came while this
  // thread was busy (or suspended in a yield) is not waited for again.
  let events = 0;
  let wake = () => {};
  const onNews = () => {
    events++;
    wake();
  };
  const news = (seen: number) =>
    events === seen ? new Promise<void>((resolve) => (wake = resolve)) : Promise.resolve();
  const workers: PoolWorker[] = [];
  // one copy of the gazetteer's tables for all threads, this one included
  const world = shareWorldFiles();
  // Each thread's heap grows by a factor V8 picks (up to ×4 of what was live after its last full
  // collection) before it collects again; two threads doing so at once took FA-KES × 10 to
  // 359–431 MB of RSS. Growing by half kept them to 315–335 MB (packages/extract/bench/README.md).
  // A V8 setting changed at run time: this one is read afresh at every full collection.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  for (let i = 1; i < options.threads; i++) {
    workers.push(startWorker(options.workerScript ?? extractWorkerScript(), world, onNews, report));
    report.workers++;
  }
  let seq = 0;
  const queue: Slot[] = [];
  // An item read past the end of a batch (a read problem, or an article over the batch's size).
  let carried: ReadItem | null = null;
  let inputDone = false;
  /** The next batch of articles, or one read problem rendered here, or null at the end. */
  const nextSlot = async (): Promise<Slot | null> => {
    const articles: ReadArticle[] = [];
    let chars = 0;
    while (articles.length < BATCH.articles && chars < BATCH.chars) {
      let item = carried;
      carried = null;
      if (!item) {
        const next = inputDone ? null : await input.next();
        if (!next || next.done) {
          inputDone = true;
          break;
        }
        item = next.value;
      }
      if (!item.ok) {
        if (articles.length > 0) {
          carried = item;
          break;
        }
        return { articles, items: [renderItem(item, format)] };
      }
      articles.push(item);
      chars += item.raw.text.length;
    }
    return articles.length > 0 ? { articles, items: null } : null;
  };
  const more = () => !inputDone || carried !== null;
  const hungry = () => workers.find((w) => w.ready && !w.stopped && w.held.size < DEPTH);
  const alone = () => workers.every((w) => w.stopped);
  try {
    for (;;) {
      const seen = events;
      // Keep each ready worker DEPTH batches deep, so it never waits for this thread.
      for (let w = hungry(); w && more() && queue.length < AHEAD; w = hungry()) {
        const slot = await nextSlot();
        if (!slot) break;
        queue.push(slot);
        if (slot.items) continue;
        const n = seq++;
        w.held.set(n, slot);
        w.thread.postMessage({ seq: n, format, articles: slot.articles } satisfies BatchRequest);
      }
      // A stopped worker's unfinished batches: extracted here, in their places.
      for (const w of workers)
        if (w.stopped && w.held.size > 0) {
          for (const slot of w.held.values())
            if (!slot.items) slot.items = await renderBatch(slot.articles, format);
          w.held.clear();
        }
      while (queue[0]?.items) yield (queue.shift() as Slot).items as RenderedItem[];
      if (more() && queue.length < AHEAD && (extractHere || alone())) {
        const slot = await nextSlot();
        if (slot) {
          slot.items ??= await renderBatch(slot.articles, format);
          queue.push(slot);
        }
        // Reading and extracting here never leave the microtask queue: this lets the workers'
        // results in.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (queue.length === 0 && !more()) break;
      await news(seen);
    }
  } finally {
    // not a failure: stopped by this thread
    for (const w of workers) w.stopped = true;
    await Promise.all(workers.map((w) => w.thread.terminate()));
  }
}

function startWorker(script: URL, world: WorldFiles, onNews: () => void, report: ThreadReport): PoolWorker {
  // execArgv []: a parent's flags (tsx's loader under tests) are not the worker's business; the
  // source bootstrap registers tsx itself.
  const self: PoolWorker = {
    thread: new Worker(script, { execArgv: [], workerData: { world } satisfies WorkerData }),
    ready: false,
    stopped: false,
    held: new Map(),
  };
  self.thread.on('message', (message: BatchResult | typeof READY) => {
    if (message === READY) self.ready = true;
    else {
      const slot = self.held.get(message.seq);
      self.held.delete(message.seq);
      if (slot && !slot.items) slot.items = message.items;
    }
    onNews();
  });
  const stop = (reason: string) => {
    if (self.stopped) return;
    self.stopped = true;
    report.failure ??= reason;
    onNews();
  };
  self.thread.on('error', (error) => stop(error.message));
  self.thread.on('exit', (code) => stop(`exit code ${code}`));
  return self;
}
