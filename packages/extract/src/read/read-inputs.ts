import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { BadInputError } from '@sitrep/schema/errors';
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from './decode-text.ts';
import { rawArticleFromText } from './front-matter.ts';
import { readCsv } from './read-csv.ts';
import type { ReadItem } from './read-item.ts';
import { readJsonLines } from './read-jsonl.ts';

export { rawArticleFromText } from './front-matter.ts';
export type { RawArticle, RawHints, RawMeta } from './raw-article.ts';
export { MetadataError, urlField } from './raw-article.ts';
export type { ReadItem } from './read-item.ts';

/**
 * A reader for files of an extension the extractor does not read itself — saved web pages,
 * read by @sitrep/feeds with Readability — given by the program that asks for the inputs.
 */
export type FileReader = (file: string, source: string) => AsyncIterable<ReadItem>;
export interface ReadOptions {
  /** by lower-case extension with its dot (".html") */
  readers?: Readonly<Record<string, FileReader>>;
}

const TEXT = new Set(['.txt', '.md']);
const CSV = new Set(['.csv']);
const JSONL = new Set(['.jsonl', '.ndjson']);

/**
 * Every article in the given files and folders (folders recursively, in sorted order so runs
 * are reproducible), streamed. Problems are yielded as items, one per file or line, and
 * reading goes on with the rest.
 */
export async function* readInputs(
  paths: readonly string[],
  cwd = process.cwd(),
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  const readers = options.readers ?? {};
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch {
      yield { ok: false, error: new BadInputError(path, 'does not exist; check the path') };
      continue;
    }
    const files = info.isDirectory() ? await listFiles(absolute, readers) : [absolute];
    if (info.isDirectory() && files.length === 0)
      yield { ok: false, error: new BadInputError(path, 'holds no .txt, .md, .csv or .jsonl files') };
    // Files are named as the person wrote the path: relative stays relative, absolute stays absolute.
    for (const file of files)
      yield* readFile(file, file === absolute ? path : join(path, relative(absolute, file)), readers);
  }
}

/** One file, by extension; anything it throws becomes one problem item naming the file. */
export async function* readFile(
  file: string,
  source: string,
  readers: ReadOptions['readers'] = {},
): AsyncGenerator<ReadItem> {
  const ext = extname(file).toLowerCase();
  try {
    const reader = readers[ext];
    if (reader) yield* reader(file, source);
    else if (CSV.has(ext)) yield* readCsv(file, source);
    else if (JSONL.has(ext)) yield* readJsonLines(file, source);
    else yield readTextFile(source, await readBounded(file, source));
  } catch (error) {
    if (error instanceof BadInputError) yield { ok: false, error };
    else
      yield { ok: false, error: new BadInputError(source, `cannot be read (${(error as Error).message})`) };
  }
}

function readTextFile(source: string, bytes: Uint8Array): ReadItem {
  const text = decodeArticleBytes(bytes, source);
  const { raw, warnings } = rawArticleFromText(text, { path: source }, source);
  if (raw.text.slice(raw.bodyStart).trim() === '')
    throw new BadInputError(source, 'has front matter but no text after it; nothing to extract');
  return { ok: true, raw, warnings };
}

/** Reads at most one byte past the limit, so a 20 MB file is refused without loading it. */
async function readBounded(file: string, source: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_ARTICLE_BYTES)
      throw new BadInputError(
        source,
        `${(size / 1048576).toFixed(1)} MB is too large for one article (limit ${MAX_ARTICLE_BYTES / 1048576} MB); split it, or give many articles as CSV or JSON Lines`,
      );
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

async function listFiles(dir: string, readers: NonNullable<ReadOptions['readers']>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full, readers)));
    else if (isReadable(entry.name) || extname(entry.name).toLowerCase() in readers) files.push(full);
  }
  return files;
}

/** README.md files describe a folder; they are not articles. */
function isReadable(name: string): boolean {
  const ext = extname(name).toLowerCase();
  if (name.toLowerCase() === 'readme.md') return false;
  return TEXT.has(ext) || CSV.has(ext) || JSONL.has(ext);
}
