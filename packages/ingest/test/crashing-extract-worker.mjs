// A stand-in extraction worker for parallel-extract.test.ts: loads, says it is ready, and dies
// on its third article, the way a worker killed by an out-of-memory error or a native crash
// would stop mid-run.
import { parentPort } from 'node:worker_threads';

let seen = 0;
parentPort.on('message', () => {
  if (++seen === 3) process.exit(7);
});
parentPort.postMessage('ready');
