import { defaultIngestConfig } from '../src/config.ts';
import { extractedItems } from '../src/extract-items.ts';
import { type IngestItem, inputsFromPaths } from '../src/ingest.ts';

/**
 * The files given, read and extracted as `ingest` would (in this thread unless `jobs` says
 * otherwise; default as ingest's), without storing: for tests that keep the items to ingest
 * them several times, in several orders.
 */
export function extracted(
  paths: readonly string[],
  options: { jobs?: number } = {},
): AsyncGenerator<IngestItem> {
  return extractedItems(inputsFromPaths(paths), {
    jobs: options.jobs,
    maxArticleBytes: defaultIngestConfig().maxArticleBytes,
  });
}
