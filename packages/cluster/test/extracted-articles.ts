// Real extractor output for the labelled pairs: the corpus seeds, and the FA-KES rows the pairs
// name (only those are extracted, so the test stays fast). FA-KES is read from its shared
// location and never copied into the repository.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import type { ArticlesByKey } from './labelled-pairs.ts';

export const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
export const FAKES_CSV = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);
export const fakesPresent = existsSync(FAKES_CSV);

export async function extractCorpus(into: ArticlesByKey): Promise<void> {
  for await (const item of readInputs([CORPUS])) {
    if (!item.ok) throw item.error;
    into.set(`corpus:${basename(item.raw.origin.path ?? '')}`, extractArticle(item.raw));
  }
}

export async function extractFakes(unitIds: ReadonlySet<string>, into: ArticlesByKey): Promise<void> {
  for await (const item of readInputs([FAKES_CSV])) {
    if (!item.ok) continue;
    const id = item.raw.origin.externalId;
    if (id && unitIds.has(id)) into.set(`fakes:${id}`, extractArticle(item.raw));
  }
}
