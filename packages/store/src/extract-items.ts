import { extractAll } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import type { IngestItem } from './ingest.ts';

/**
 * The files and folders given, read by the extractor's streaming readers and extracted one
 * at a time (extractAll), so memory stays flat however large the input. A file that cannot be
 * read or extracted becomes one failed item naming it; the rest go on. extractArticle has
 * already validated each record against the schema, so ingest does not do it twice.
 */
export async function* extractedItems(paths: readonly string[], cwd?: string): AsyncGenerator<IngestItem> {
  for await (const item of extractAll(readInputs(paths, cwd))) {
    if (item.ok) yield { ok: true, record: item.article, validated: true };
    else {
      const source = 'source' in item.error ? String(item.error.source) : 'input';
      yield { ok: false, source, message: item.error.message };
    }
  }
}

/** How many articles the inputs hold, for a progress bar's total (reads, does not extract). */
export async function countInputs(paths: readonly string[], cwd?: string): Promise<number> {
  let n = 0;
  for await (const _ of readInputs(paths, cwd)) n++;
  return n;
}
