import { availableParallelism } from 'node:os';
import type { ExtractItem } from '@sitrep/extract/extract-article';
import type { ReadItem } from '@sitrep/extract/read';
import { BadInputError } from '@sitrep/schema/errors';
import type { ArticleWorker } from './extract-pool/article-worker.ts';
import type { IngestInput, IngestItem } from './ingest.ts';

/** An article as read, still to be extracted. */
export type RawInput = Extract<ReadItem, { ok: true }>;

export const isRaw = (input: IngestInput): input is RawInput => input.ok && 'raw' in input;

export interface ExtractOptions {
  /** see IngestOptions.jobs */
  jobs?: number | undefined;
  worker?: ArticleWorker | undefined;
  maxArticleBytes: number;
}

/**
 * The inputs with every article extracted, in input order whatever the thread that extracted
 * it, so batches, and therefore a crash and its re-run, are the same. Records and failures pass
 * through; an article over the size limit becomes a failure before any thread spends time on it.
 */
export async function* extractedItems(
  inputs: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  options: ExtractOptions,
): AsyncGenerator<IngestItem> {
  const checked = withinLimit(inputs, options.maxArticleBytes);
  const { worker } = options;
  if (worker) {
    for await (const input of checked) yield isRaw(input) ? await worker.extract(input) : input;
    return;
  }
  const jobs = options.jobs ?? defaultJobs();
  if (jobs <= 1) {
    for await (const input of checked) yield isRaw(input) ? await extractHere(input) : input;
    return;
  }
  // Loaded only here: the pool's worker threads cost a start-up a serial run does not need.
  const { parallelExtractedItems } = await import('./extract-pool/parallel-items.ts');
  yield* parallelExtractedItems(checked, jobs);
}

// The extractor loads its models on import: records already extracted never pay for it.
let extractor: Promise<typeof import('@sitrep/extract/extract-article')> | null = null;
const loadExtractor = () => {
  extractor ??= import('@sitrep/extract/extract-article');
  return extractor;
};

/** One article extracted in this thread: the same extractAll a worker runs. */
export async function extractHere(input: RawInput): Promise<IngestItem> {
  const { extractAll } = await loadExtractor();
  for await (const item of extractAll(one(input))) return toIngestItem(item);
  throw new Error('extractAll yielded nothing for one article');
}

async function* one<T>(item: T): AsyncGenerator<T> {
  yield item;
}

async function* withinLimit(
  inputs: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  maxBytes: number,
): AsyncGenerator<IngestInput> {
  for await (const input of inputs) {
    if (isRaw(input) && overLimit(input, maxBytes)) yield await refusal(input, maxBytes);
    else if (isRaw(input) && holdsNul(input.raw)) yield await nulRefusal(input);
    else yield input;
  }
}

/**
 * A NUL character (U+0000) is in no article: it marks a binary or damaged file. PostgreSQL
 * cannot store it in text at all (error 22021, which failed the whole batch), so it is refused
 * here, one article at a time, the same way on both engines.
 */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsNul);
}

async function nulRefusal(input: RawInput): Promise<IngestInput> {
  const { describeOrigin } = await loadExtractor();
  return { ok: false, error: nulError(describeOrigin(input.raw.origin)) };
}

export function nulError(source: string): BadInputError {
  return new BadInputError(
    source,
    'holds a NUL character (U+0000), which no article has: the file is binary or damaged; remove the character or the file',
  );
}

/**
 * Whether an article's text is over the limit in UTF-8 bytes, counted only when the characters
 * alone could exceed it (a UTF-16 unit is at most 3 bytes of UTF-8), so an ordinary article costs
 * one comparison.
 */
export function overLimit(input: RawInput, maxBytes: number): boolean {
  const { text } = input.raw;
  return text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes;
}

/** The refusal of an article over the limit: its name, its size, the limit and the way out. */
async function refusal(input: RawInput, maxBytes: number): Promise<IngestInput> {
  const { describeOrigin } = await loadExtractor();
  const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} KB`;
  const size = Buffer.byteLength(input.raw.text, 'utf8');
  return {
    ok: false,
    error: new BadInputError(
      describeOrigin(input.raw.origin),
      `${kb(size)} of text is over the ${kb(maxBytes)} limit for one article (SITREP_MAX_ARTICLE_KB); split it, or raise the limit if it really is one article`,
    ),
  };
}

/**
 * extractArticle has already validated each record against the schema, so ingest does not do
 * it twice (`validated: true`).
 */
export function toIngestItem(item: ExtractItem): IngestItem {
  if (item.ok) return { ok: true, record: item.article, validated: true, warnings: item.warnings };
  return { ok: false, error: item.error };
}

/**
 * Worker threads only where they pay. One extraction thread already keeps ~1.4 of this
 * machine class's cores busy (V8's GC runs beside it), and a worker costs ~0.6 s to load, so on
 * the 2-core development machine a pool of two was measured *slower* than one thread (FA-KES:
 * 1.9–2.1 s in one thread, 3.1–3.7 s with two workers; README). From 4 cores up, one worker per
 * core but the one the main thread (reading, writing, GC) needs.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return cores >= 4 ? cores - 1 : 1;
}
