import { parentPort, workerData } from 'node:worker_threads';
import { useWorldFiles } from '@sitrep/extract/world-files';
import { type BatchRequest, type BatchResult, READY, type WorkerData } from './messages.ts';
import { renderBatch } from './render-batch.ts';
import { asBytes } from './rendered-item.ts';

/**
 * The second thread of `sitrep extract` (parallel-batches.ts): takes batches of read articles,
 * sends back each article as it is to be printed. Batches are handled one after another, in
 * the order they come.
 */
const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs as a worker thread (see parallel-batches.ts)');

useWorldFiles((workerData as WorkerData).world);

let queue = Promise.resolve();
port.on('message', (request: BatchRequest) => {
  queue = queue.then(async () => {
    const { items, buffer } = asBytes(await renderBatch(request.articles, request.format));
    const result: BatchResult = { seq: request.seq, items };
    port.postMessage(result, buffer ? [buffer] : []);
  });
});
port.postMessage(READY);
