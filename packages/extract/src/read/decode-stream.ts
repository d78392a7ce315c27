import { createReadStream } from 'node:fs';
import { BadInputError } from '@sitrep/schema/errors';

/**
 * A file as a stream of text chunks, decoded strictly: invalid UTF-8 or NUL bytes stop the
 * file with one clear error instead of filling the output with replacement marks. Memory
 * stays flat whatever the file size.
 */
export async function* decodeStream(path: string, source: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    if (first && bytes.subarray(0, 8192).indexOf(0) !== -1)
      throw new BadInputError(source, 'looks binary (it contains NUL bytes); give UTF-8 CSV or JSON Lines');
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw new BadInputError(source, `is not valid UTF-8 (near byte ${offset}); re-save it as UTF-8`, {
        cause: error,
      });
    }
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    offset += bytes.length;
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Lines of a decoded stream with their 1-based numbers; a trailing CR is removed. */
export async function* streamLines(
  chunks: AsyncIterable<string>,
): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let newline = pending.indexOf('\n');
    let from = 0;
    while (newline !== -1) {
      line++;
      const text = pending.slice(from, newline);
      yield { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
      from = newline + 1;
      newline = pending.indexOf('\n', from);
    }
    pending = pending.slice(from);
  }
  if (pending.length > 0)
    yield { line: line + 1, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
}
