import type { Dirent } from 'node:fs';
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
    } catch (error) {
      yield { ok: false, error: new BadInputError(path, unreachable(error)) };
      continue;
    }
    if (!info.isDirectory() && !info.isFile()) {
      // a FIFO or a device: opening it waits for a writer that may never come
      yield {
        ok: false,
        error: new BadInputError(
          path,
          'is not a file or a folder (a pipe or a device); give the file itself',
        ),
      };
      continue;
    }
    // Files are named as the person wrote the path: relative stays relative, absolute stays absolute.
    const named = (file: string) => (file === absolute ? path : join(path, relative(absolute, file)));
    if (!info.isDirectory()) {
      yield* readFile(absolute, path, readers);
      continue;
    }
    let files = 0;
    for await (const entry of listFiles(absolute, readers)) {
      if (typeof entry === 'string') {
        files++;
        yield* readFile(entry, named(entry), readers);
      } else yield { ok: false, error: new BadInputError(named(entry.folder), entry.reason) };
    }
    if (files === 0)
      yield { ok: false, error: new BadInputError(path, 'holds no .txt, .md, .csv or .jsonl files') };
  }
}

/** Why a path cannot be reached, from the system's error code. */
function unreachable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'does not exist; check the path';
    case 'ELOOP':
      return 'is a loop of symbolic links (one points back to another); point it at a real file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied; give this user read access or leave it out';
    default:
      return `cannot be read (${(error as Error).message})`;
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

/**
 * The readable files under a folder, in sorted order, streamed; a subfolder that cannot be
 * listed (no permission) is one problem naming it, and the rest is read. Only regular files are
 * taken: a FIFO among them would hold the run forever.
 */
async function* listFiles(
  dir: string,
  readers: NonNullable<ReadOptions['readers']>,
): AsyncGenerator<string | { folder: string; reason: string }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { folder: dir, reason: unreachable(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* listFiles(full, readers);
    else if (!isReadable(entry.name) && !(extname(entry.name).toLowerCase() in readers)) continue;
    else if (entry.isFile()) yield full;
    else if (entry.isSymbolicLink()) {
      // followed, as a file named on the command line is, but only to a regular file
      const target = await stat(full).catch((error: unknown) => error as Error);
      if (target instanceof Error) yield { folder: full, reason: unreachable(target) };
      else if (target.isFile()) yield full;
    }
  }
}

/** README.md files describe a folder; they are not articles. */
function isReadable(name: string): boolean {
  const ext = extname(name).toLowerCase();
  if (name.toLowerCase() === 'readme.md') return false;
  return TEXT.has(ext) || CSV.has(ext) || JSONL.has(ext);
}
