import { FetchError } from './fetch-error.ts';

/**
 * The body, or a `too-large` error as soon as it passes `maxBytes`: a declared length over the
 * limit is refused before reading, an undeclared one is counted while it streams, so a 20 MB
 * answer never sits in memory whole. Counted after decompression, so a small gzip of a huge
 * body is refused too.
 */
export async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = (size: string) =>
    new FetchError(
      'too-large',
      url,
      `the answer is ${size}, over the ${mb(maxBytes)} limit; it was not read`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes && response.headers.get('content-encoding') === null) {
    await response.body?.cancel();
    throw tooLarge(mb(declared));
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`more than ${mb(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
