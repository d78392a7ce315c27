import type { Origin } from '@sitrep/schema/article';
import { BadInputError, InvalidRecordError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { analyseDocument } from './analyse/analyse-document.ts';
import type { RawArticle } from './read/raw-article.ts';
import type { ReadItem } from './read/read-item.ts';
import { prepareDocument } from './text/prepare-document.ts';
import { validateExtracted } from './validate/validate-extracted.ts';

export type { ExtractedArticle } from '@sitrep/schema/extracted-article';

/**
 * One raw article → the validated record `sitrep extract` prints (one JSON Lines row each).
 * Deterministic: ids derive from the content hash, so the same text gives the same output.
 * Throws InvalidRecordError if extraction produced something the schema rejects (a bug).
 */
export function extractArticle(raw: RawArticle): ExtractedArticle {
  const doc = prepareDocument(raw);
  const analysis = analyseDocument(doc);
  return validateExtracted(
    { ...doc.article, claims: analysis.claims, events: analysis.events, mentions: analysis.mentions },
    () => `article ${doc.article.id} from ${describeOrigin(raw.origin)}`,
  );
}

export { validateExtracted } from './validate/validate-extracted.ts';

export type ExtractItem =
  | { ok: true; article: ExtractedArticle; warnings: string[] }
  | { ok: false; error: BadInputError | InvalidRecordError };

/**
 * Streams read items through extraction one at a time, so memory stays flat whatever the
 * input size. A read problem or an article that fails validation becomes an error item; the
 * rest goes on.
 */
export async function* extractAll(inputs: AsyncIterable<ReadItem>): AsyncGenerator<ExtractItem> {
  for await (const item of inputs) {
    if (!item.ok) {
      yield item;
      continue;
    }
    try {
      yield { ok: true, article: extractArticle(item.raw), warnings: item.warnings ?? [] };
    } catch (error) {
      if (error instanceof InvalidRecordError) yield { ok: false, error };
      else
        yield {
          ok: false,
          error: new BadInputError(
            describeOrigin(item.raw.origin),
            `extraction failed (${(error as Error).message}); please report this with the input`,
            { cause: error },
          ),
        };
    }
  }
}

/** "corpus/a.txt", "fakes.csv:12 (id 1914947530)" */
export function describeOrigin(origin: Origin): string {
  const where = `${origin.path ?? 'input'}${origin.line ? `:${origin.line}` : ''}`;
  return origin.externalId ? `${where} (id ${origin.externalId})` : where;
}
