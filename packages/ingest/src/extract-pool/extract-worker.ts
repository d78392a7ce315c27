import { parentPort } from 'node:worker_threads';
import { extractAll } from '@sitrep/extract/extract-article';
import type { ReadItem } from '@sitrep/extract/read';
import { toIngestItem } from '../extract-items.ts';
import { type ExtractRequest, type ExtractResult, toWire } from './messages.ts';

/**
 * One extraction worker: takes read articles by sequence number, sends back the ingest item
 * (record or named failure). The same extractAll as the serial path, one item at a time, so a
 * worker reports exactly what a serial run would.
 */
const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs as a worker thread (see parallel-items.ts)');

async function* one(item: ReadItem): AsyncGenerator<ReadItem> {
  yield item;
}

port.on('message', async ({ seq, item }: ExtractRequest) => {
  for await (const extracted of extractAll(one(item))) {
    const result: ExtractResult = { seq, item: toWire(toIngestItem(extracted)) };
    port.postMessage(result);
  }
});
// The extractor (and its language model) is loaded by now: the pool may send work.
port.postMessage('ready');
