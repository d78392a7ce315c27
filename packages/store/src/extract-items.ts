import { analyseDocument } from '@sitrep/extract/analyse';
import { prepareDocument } from '@sitrep/extract/prepare';
import { type RawArticle, readInputs } from '@sitrep/extract/read';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { IngestItem } from './ingest.ts';

/** Raw article in, extracted record out: the extractor's two halves, composed. */
export function extractRaw(raw: RawArticle): ExtractedArticle {
  const doc = prepareDocument(raw);
  return { ...doc.article, ...analyseDocument(doc) };
}

/**
 * The files and folders given, read by the extractor's streaming readers and extracted one
 * at a time, so memory stays flat however large the input. A file that cannot be read or
 * extracted becomes one failed item naming it; the rest go on.
 */
export async function* extractedItems(paths: readonly string[], cwd?: string): AsyncGenerator<IngestItem> {
  for await (const item of readInputs(paths, cwd)) {
    if (!item.ok) {
      yield { ok: false, source: item.error.source, message: item.error.message };
      continue;
    }
    const source = item.raw.origin.path ?? item.raw.origin.externalId ?? '(input)';
    try {
      yield { ok: true, record: extractRaw(item.raw) };
    } catch (error) {
      yield { ok: false, source, message: `extraction failed: ${(error as Error).message}` };
    }
  }
}

/** How many articles the inputs hold, for a progress bar's total (reads, does not extract). */
export async function countInputs(paths: readonly string[], cwd?: string): Promise<number> {
  let n = 0;
  for await (const _ of readInputs(paths, cwd)) n++;
  return n;
}
