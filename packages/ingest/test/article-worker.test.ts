import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BadInputError, InvalidRecordError, SitrepError } from '@sitrep/schema/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { rawArticleFromInput } from '../src/article-input.ts';
import { extractHere } from '../src/extract-items.ts';
import { startArticleWorker } from '../src/extract-pool/article-worker.ts';
import { fromWire, toWire } from '../src/extract-pool/messages.ts';
import type { IngestItem } from '../src/ingest.ts';

// The API's article worker: one long-lived extraction thread, so a long article never blocks the
// server's event loop.

const TEXT =
  'Air strikes kill 12 civilians in Aleppo\n\nAir strikes on the town of al-Bab in Aleppo province killed 12 civilians on Monday, the Syrian Observatory for Human Rights said.';
const read = (text: string) => ({
  ok: true as const,
  ...rawArticleFromInput(
    { text, url: 'https://example.org/a', outlet: 'Reuters', publishedAt: '2016-07-19' },
    'test',
  ),
});
const worker = startArticleWorker();
afterAll(() => worker.close());

describe('the article worker', () => {
  it('extracts what this thread extracts, one article after another', async () => {
    const [first, second] = await Promise.all([
      worker.extract(read(TEXT)),
      worker.extract(read(`${TEXT} Again.`)),
    ]);
    expect(first).toEqual(await extractHere(read(TEXT)));
    expect(second).toEqual(await extractHere(read(`${TEXT} Again.`)));
    expect(first.ok && first.record.events.length).toBeGreaterThan(0);
  }, 60_000);

  it.each<[string, IngestItem]>([
    ['BadInputError', { ok: false, error: new BadInputError('a.csv:3', 'has no text') }],
    [
      'InvalidRecordError',
      { ok: false, error: new InvalidRecordError('article x from a.txt', ['headline: empty']) },
    ],
    ['SitrepError', { ok: false, error: new SitrepError('CONFLICT', 'two records with one id') }],
  ])('sends a %s across threads as the same class, fields and message', (_name, item) => {
    // what postMessage does to a message: a structured clone
    const back = fromWire(structuredClone(toWire(item)));
    expect(back.ok).toBe(false);
    if (back.ok || item.ok) return;
    expect(back.error).toBeInstanceOf(item.error.constructor);
    expect({ ...back.error, message: back.error.message }).toEqual({
      ...item.error,
      message: item.error.message,
    });
  });

  it('fails what it held, naming the cause, when its thread dies', async () => {
    const crashing = startArticleWorker(new URL('./crashing-extract-worker.mjs', import.meta.url));
    const held = [1, 2, 3].map(() => crashing.extract(read(TEXT)));
    // the stand-in dies on its third article: all three were in hand
    for (const result of held)
      await expect(result).rejects.toThrow(
        /^the extraction worker stopped \(exit code 7\); nothing was stored/,
      );
    await crashing.close();
  }, 60_000);

  it('does not keep a process alive once it has nothing to do', () => {
    const child = fileURLToPath(new URL('./article-worker-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, TEXT], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  }, 90_000);
});
