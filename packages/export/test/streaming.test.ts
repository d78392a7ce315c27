import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportText, parseExportQuery } from '../src/write-export.ts';
import { fillFixtureStore } from './fixture-store.ts';

let dir: string;
let store: SitrepStore;
let total: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-export-stream-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  total = await fillFixtureStore(store, 1200);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an export streams', () => {
  it.each(['acled', 'ucdp', 'geojson', 'jsonl'])(
    '%s reads one batch per piece, never the whole store up front',
    async (format) => {
      const { pieces } = exportText(store, parseExportQuery({ format }), { batch: 100 });
      const before = store.stats.queries;
      const first = await pieces.next();
      expect(first.done).toBe(false);
      // the feed's end, one scan query (export facts, or records), places (and their parents), actors, outlets
      const firstBatch = store.stats.queries - before;
      expect(firstBatch).toBeLessThanOrEqual(10);
      let pieceCount = 1;
      let reads = 0;
      for (let at = store.stats.queries; !(await pieces.next()).done; at = store.stats.queries) {
        pieceCount++;
        // each later piece is read from the store when it is asked for, not held from before
        if (store.stats.queries > at) reads++;
      }
      // ceil(total / 100) batches plus an empty last read: the work grows with the batches read
      expect(pieceCount).toBeGreaterThanOrEqual(Math.ceil(total / 100));
      // every batch after the first read when its piece was asked for (a trailer needs none)
      expect(reads).toBeGreaterThanOrEqual(Math.ceil(total / 100) - 1);
    },
  );

  it('stops reading when the consumer stops (a client that hangs up)', async () => {
    const { pieces } = exportText(store, parseExportQuery({ format: 'jsonl' }), { batch: 100 });
    await pieces.next();
    await pieces.return(undefined);
    const after = store.stats.queries;
    expect((await pieces.next()).done).toBe(true);
    expect(store.stats.queries).toBe(after);
  });
});
