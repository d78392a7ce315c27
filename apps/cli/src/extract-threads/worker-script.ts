declare global {
  interface ImportMeta {
    /**
     * The folder of the compiled CLI (a file URL ending in "/"), written in by
     * bin/compiled-cli.js when it compiles; absent when the TypeScript source runs.
     */
    sitrepCompiledDir?: string;
  }
}

/**
 * The extraction worker's entry point: the compiled CLI's own compiled worker (no tsx at run
 * time, and the chunks of extraction code it shares with the main thread's), or, from source,
 * a bootstrap that registers tsx first.
 */
export function extractWorkerScript(): URL {
  const compiled = import.meta.sitrepCompiledDir;
  return compiled
    ? new URL('extract-worker.mjs', compiled)
    : new URL('./worker-bootstrap.mjs', import.meta.url);
}
