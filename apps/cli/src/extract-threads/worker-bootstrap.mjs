// The extraction worker run from TypeScript source (tests, `npx tsx`): a worker thread starts
// without its parent's loader hooks, so it registers tsx itself. tsx's require hook rather than
// its ESM loader, which on Node 20 runs in a thread of its own and costs a round trip per module
// (the same choice as packages/ingest/src/extract-pool/worker-bootstrap.mjs). The compiled CLI
// starts its compiled worker instead (worker-script.ts).
import { createRequire } from 'node:module';

try {
  const { register } = await import('tsx/cjs/api');
  register();
  createRequire(import.meta.url)('./extract-worker.ts');
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./extract-worker.ts');
}
