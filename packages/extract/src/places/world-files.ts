import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * The world gazetteer's table files as bytes (world-gazetteer.ts reads them here). A program that
 * extracts on several threads reads them once into shared memory (`shareWorldFiles`) and hands
 * that to its workers (`useWorldFiles`): each thread otherwise holds its own 25 MB copy, outside
 * V8's heap but in the process's memory all the same.
 */
const FILES = ['places.tsv', 'names.tsv', 'admin1.tsv', 'admin2.tsv', 'common-words.txt'] as const;

export type WorldFiles = Readonly<Record<string, SharedArrayBuffer>>;

let given: WorldFiles | null = null;

const location = (file: string) => new URL(`../../data/world/${file}`, import.meta.url);

/** A table's bytes: the shared copy when this thread was given one, else the file read now. */
export function worldFile(file: string): Buffer {
  const shared = given?.[file];
  return shared ? Buffer.from(shared) : readFileSync(location(file));
}

/**
 * Every table read into shared memory, for this thread and the workers it passes the result
 * to. Call it before this thread loads the gazetteer (the first extraction), or this thread
 * keeps its own copy as well.
 */
export function shareWorldFiles(): WorldFiles {
  if (given) return given;
  const files: Record<string, SharedArrayBuffer> = {};
  for (const file of FILES) {
    const fd = openSync(location(file), 'r');
    try {
      const size = fstatSync(fd).size;
      const shared = new SharedArrayBuffer(size);
      const view = new Uint8Array(shared);
      for (let at = 0; at < size; ) {
        const n = readSync(fd, view, at, size - at, at);
        if (n === 0) throw new Error(`${file} ended after ${at} of ${size} bytes while being read`);
        at += n;
      }
      files[file] = shared;
    } finally {
      closeSync(fd);
    }
  }
  given = files;
  return files;
}

/** In a worker: the tables its parent shared (shareWorldFiles), used instead of reading them. */
export function useWorldFiles(files: WorldFiles): void {
  given = files;
}
