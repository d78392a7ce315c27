import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '@sitrep/extract/read';
import { openStore } from '@sitrep/store/store';
import { dumpStore } from '@sitrep/store/test-dump';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultJobs } from '../src/extract-items.ts';
import { parallelExtractedItems, SMALL_INPUT } from '../src/extract-pool/parallel-items.ts';
import { type IngestItem, ingest, inputsFromPaths } from '../src/ingest.ts';
import { extracted } from './extracted.ts';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Real reports, enough of them for the pool to start (more than SMALL_INPUT): the five seeds,
 * each repeated with a numbered closing line so every article is distinct, and two broken
 * lines in the middle, so failures must come out in their place too.
 */
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
  .filter((f) => f !== 'README.md')
  .map((f) => readFileSync(join(CORPUS, f), 'utf8').replace(/^---[\s\S]*?---\n/, ''));
const lines: string[] = [];
for (let i = 0; lines.length < SMALL_INPUT * 2 + 20; i++) {
  const text = `${seeds[i % seeds.length]}\n\nFiled as report ${i} of the test batch.`;
  lines.push(JSON.stringify({ id: `t${i}`, text, outlet: i % 2 ? 'Reuters' : 'Al Jazeera' }));
  if (i === 70) lines.push('{"text": "an unterminated line');
  if (i === 100) lines.push(JSON.stringify({ id: 'empty', text: '   ' }));
}
const input = join(dir, 'reports.jsonl');
writeFileSync(input, `${lines.join('\n')}\n`);

async function collect(jobs: number): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of extracted([input], { jobs })) out.push(item);
  return out;
}

describe('extraction in worker threads', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 3],
    [16, 15],
  ])(
    'on %i cores extracts in %i thread(s) by default (a pool only where it was measured to pay)',
    (cores, jobs) => {
      expect(defaultJobs(cores)).toBe(jobs);
    },
  );

  it('yields exactly what one thread yields, in input order, failures in their place', async () => {
    const serial = await collect(1);
    const pooled = await collect(2);
    expect(seeds.length).toBe(5);
    expect(serial.length).toBe(lines.length);
    expect(serial.filter((i) => !i.ok)).toHaveLength(2);
    expect(pooled).toEqual(serial);
  }, 120_000);

  it('yields the same when every article goes through a worker (none extracted in this thread)', async () => {
    const serial = await collect(1);
    const pooled: IngestItem[] = [];
    for await (const item of parallelExtractedItems(readInputs([input]), 2, { extractHere: false }))
      pooled.push(item);
    expect(pooled).toEqual(serial);
  }, 120_000);

  it('fails the run, naming the cause, when a worker dies with articles in hand', async () => {
    const workerScript = new URL('./crashing-extract-worker.mjs', import.meta.url);
    const seen: IngestItem[] = [];
    const run = async () => {
      for await (const item of parallelExtractedItems(readInputs([input]), 1, {
        extractHere: false,
        workerScript,
      }))
        seen.push(item);
    };
    await expect(run()).rejects.toThrow(
      /^an extraction worker stopped \(exit code 7\); nothing from its unfinished articles was stored/,
    );
    // Read errors are settled in this thread, so at most those can have come out before it.
    expect(seen.every((i) => !i.ok)).toBe(true);
  }, 60_000);

  it('stops its workers when the consumer stops early, and can run again', async () => {
    let seen = 0;
    for await (const _ of extracted([input], { jobs: 2 })) if (++seen === SMALL_INPUT + 5) break;
    expect(seen).toBe(SMALL_INPUT + 5);
    const again = await collect(2);
    expect(again.length).toBe(lines.length);
  }, 120_000);

  it('ingests into the same database as one thread does', async () => {
    const dbs = await Promise.all(
      [1, 2].map(async (jobs) => {
        const file = join(dir, `jobs-${jobs}.db`);
        const store = await openStore({ engine: 'sqlite', file });
        const summary = await ingest(store, inputsFromPaths([input]), { jobs, batchSize: 25 });
        await store.close();
        return { summary, file };
      }),
    );
    const [one, two] = dbs as [(typeof dbs)[0], (typeof dbs)[0]];
    expect(two.summary).toEqual(one.summary);
    expect(one.summary.failed).toBe(2);
    expect(one.summary.new).toBe(lines.length - 2);
    expect(await dumpStore({ engine: 'sqlite', file: two.file })).toEqual(
      await dumpStore({ engine: 'sqlite', file: one.file }),
    );
  }, 180_000);
});
