import { BadInputError } from '@sitrep/schema/errors';
import { syntheticArticle } from '@sitrep/store/synthetic';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { type IngestItem, type IngestProgress, ingest, summaryLine } from '../src/ingest.ts';

const [sqlite] = await engineCases();
const options = { seed: 21, events: 40 };

describe('ingest', () => {
  afterAll(() => sqlite!.cleanup());

  it('skips an invalid record and a read problem, stores the rest in batches, reports progress per item', async () => {
    const store = await sqlite!.open();
    const broken = { ...syntheticArticle(options, 1), headline: '' };
    const items: IngestItem[] = [
      { ok: true, record: syntheticArticle(options, 0) },
      { ok: true, record: broken },
      { ok: false, error: new BadInputError('x.csv:3', 'bad row') },
      ...[2, 3, 4, 5].map((i) => ({ ok: true as const, record: syntheticArticle(options, i) })),
    ];
    const problems: string[] = [];
    const progress: IngestProgress[] = [];
    const summary = await ingest(store, items, {
      batchSize: 2,
      onProblem: (source, message) => problems.push(`${source}: ${message}`),
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toEqual({ new: 5, changed: 0, unchanged: 0, failed: 2, duplicates: 0 });
    expect(summaryLine(summary)).toBe('2 failed; 5 new, 0 changed, 0 unchanged');
    expect(problems).toEqual([
      expect.stringMatching(/^synthetic-21-1: extracted record is not valid: headline/),
      'x.csv:3: bad row',
    ]);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 7]);
    expect(progress.at(-1)!.counts.new).toBe(5);
    expect((await store.counts()).articles).toBe(5);
  });
});
