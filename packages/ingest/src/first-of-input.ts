import { BadInputError } from '@sitrep/schema/errors';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { originKey } from '@sitrep/store/origin-key';

/**
 * Within one input, the first article of a text and the first of an id are the ones that count,
 * so the result does not depend on how often the input is ingested nor on how it is split into
 * batches. A text seen before is a duplicate (stored once, counted apart). An id seen before
 * with another text is the input contradicting itself (FA-KES gives unit_id 1926479112 to two
 * texts): the later row is refused, naming both places, instead of replacing the first on one
 * run and being replaced by it on the next. Holds one hash and one key per article.
 */
export class FirstOfInput {
  duplicates = 0;
  readonly #texts = new Set<string>();
  readonly #origins = new Map<string, { hash: string; where: string }>();

  check(record: ExtractedArticle): 'first' | 'duplicate' | BadInputError {
    if (this.#texts.has(record.contentHash)) {
      this.duplicates++;
      return 'duplicate';
    }
    const key = originKey(record);
    const first = this.#origins.get(key);
    const where = describeRecord(record);
    if (first && first.hash !== record.contentHash)
      return new BadInputError(
        where,
        `id ${record.origin.externalId ?? key} was already given to another text (${first.where}); this one is not stored — give each article its own id`,
      );
    this.#texts.add(record.contentHash);
    this.#origins.set(key, { hash: record.contentHash, where });
    return 'first';
  }
}

/** Where an article came from, for a line a person reads: `file:line`, the file, or its id. */
export function describeRecord(record: ExtractedArticle): string {
  const { path, line, externalId } = record.origin;
  if (path) return line === undefined ? path : `${path}:${line}`;
  return externalId ?? record.id;
}
