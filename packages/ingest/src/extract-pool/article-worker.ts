import { Worker } from 'node:worker_threads';
import type { ReadItem } from '@sitrep/extract/read';
import type { IngestItem } from '../ingest.ts';
import { type ExtractRequest, type ExtractResult, fromWire } from './messages.ts';

/**
 * One long-lived extraction thread for a server: `ingestArticle` hands its article here, so
 * extracting it (seconds for a long text) never blocks the event loop that answers every other
 * request. Started on first use; it holds the process open only while it has work, so a
 * program that is done can exit without closing it. A worker that dies fails what it held
 * and the next article starts a new one.
 */
export interface ArticleWorker {
  extract(item: Extract<ReadItem, { ok: true }>): Promise<IngestItem>;
  close(): Promise<void>;
}

export function startArticleWorker(
  script = new URL('./worker-bootstrap.mjs', import.meta.url),
): ArticleWorker {
  let worker: { thread: Worker; held: Set<number> } | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve: (item: IngestItem) => void; reject: (error: Error) => void }>();
  const start = () => {
    // execArgv []: the bootstrap registers tsx itself (see worker-bootstrap.mjs).
    const self = { thread: new Worker(script, { execArgv: [] }), held: new Set<number>() };
    const { thread, held } = self;
    thread.unref();
    const stop = (reason: string) => {
      if (worker === self) worker = null;
      const error = new Error(
        `the extraction worker stopped (${reason}); nothing was stored — send the article again`,
      );
      for (const n of held) {
        pending.get(n)?.reject(error);
        pending.delete(n);
      }
      held.clear();
    };
    thread.on('message', (message: ExtractResult | 'ready') => {
      if (message === 'ready') return;
      const p = pending.get(message.seq);
      pending.delete(message.seq);
      held.delete(message.seq);
      if (held.size === 0) thread.unref();
      p?.resolve(fromWire(message.item));
    });
    thread.on('error', (error) => stop(error.message));
    thread.on('exit', (code) => stop(`exit code ${code}`));
    return self;
  };
  return {
    extract(item) {
      worker ??= start();
      const n = seq++;
      const result = new Promise<IngestItem>((resolve, reject) => pending.set(n, { resolve, reject }));
      worker.held.add(n);
      worker.thread.ref();
      worker.thread.postMessage({ seq: n, item } satisfies ExtractRequest);
      return result;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.thread.terminate();
    },
  };
}

let shared: ArticleWorker | null = null;

/** The process's one article worker (what the API's `ingestArticle` uses by default). */
export function sharedArticleWorker(): ArticleWorker {
  shared ??= startArticleWorker();
  return shared;
}
