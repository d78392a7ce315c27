import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { BadInputError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import type { IngestItem } from './ingest.ts';

/**
 * Already-extracted records, one JSON object per line (what `sitrep extract --format jsonl`
 * prints), streamed. Lets extraction run elsewhere (in parallel workers, on another machine)
 * and the pipeline store the result. A line that is not JSON is one failed item.
 */
export async function* readExtractedJsonl(paths: readonly string[]): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    const lines = createInterface({
      input: createReadStream(path, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let n = 0;
    try {
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        try {
          yield { ok: true, record: JSON.parse(line) as ExtractedArticle };
        } catch (error) {
          yield {
            ok: false,
            error: new BadInputError(`${path}:${n}`, `not JSON (${(error as Error).message})`),
          };
        }
      }
    } catch (error) {
      yield { ok: false, error: new BadInputError(path, `cannot be read (${(error as Error).message})`) };
    }
  }
}
