// A worker thread starts without the parent's loader hooks, and Sitrep's packages are TypeScript
// source, so the worker registers tsx itself before loading the extraction code.
//
// tsx's require hook, not its ESM loader: on Node 20 the ESM loader runs its hooks in a thread
// of their own, and every module the extractor imports is a round trip to it; loading through
// require transforms in this thread (same transform cache) and gets the worker ready ~20–30 %
// sooner (FA-KES bench: ~0.85 s against ~1.2 s on the 2-core machine). Should the worker code
// ever need ESM-only features (top-level await), the ESM loader is still the fallback.
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
