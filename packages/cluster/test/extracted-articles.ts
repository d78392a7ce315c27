// Real extractor output for the labelled pairs: the corpus seeds, and the FA-KES rows the pairs
// name (only those are extracted, so the test stays fast). FA-KES is read from its shared
// location and never copied into the repository.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import type { ArticlesByKey } from './labelled-pairs.ts';

export const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
export const FAKES_CSV = fileURLToPath(
  new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url),
);
export const fakesPresent = existsSync(FAKES_CSV);
export const WORLD_DEV = fileURLToPath(
  new URL('../../../../shared/datasets/world-dev/articles', import.meta.url),
);
export const worldPresent = existsSync(WORLD_DEV);

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

/**
 * world-dev files with the publication date their source's metadata gives (the dataset README's
 * SOURCES table), passed as a desk's feed would pass it: the texts print few dates of their own.
 */
export function extractWorld(files: ReadonlyMap<string, string | null>, into: ArticlesByKey): void {
  for (const [file, publishedAt] of files) {
    const text = readFileSync(join(WORLD_DEV, file), 'utf8');
    into.set(
      `world:${file}`,
      extractArticle({
        text,
        bodyStart: 0,
        origin: { path: file },
        meta: { headline: null, outlet: null, publishedAt, url: null, language: null },
        hints: { publishedAt: null, location: null, label: null },
      }),
    );
  }
}
