import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '@sitrep/store/config';
import { openStore } from '@sitrep/store/store';
import { syntheticArticles } from '@sitrep/store/synthetic';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { storedMentions } from '../src/recluster.ts';
import { expectSameAsFull } from './full-clustering.ts';

// Two processes ingesting into one store at once — two API replicas over PostgreSQL, or
// `sitrep ingest` beside a serving API — each clustering after every small batch. Without the
// store's clustering lock their steps interleave: each misses the other's mentions, or both
// create the same canonical event and one dies on its key. With it, the store ends holding
// exactly the clustering of everything stored.

const CHILD = fileURLToPath(new URL('./concurrent-ingest-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-concurrent-'));
// Two days of synthetic reports: the two halves report the same events, so clusters span both.
const EVENTS = 480;
const records = [...syntheticArticles({ seed: 9, events: EVENTS, eventsPerArticle: 4, days: 2 })];
const halves = [0, 1].map((half) => {
  const file = join(dir, `half-${half}.jsonl`);
  writeFileSync(
    file,
    records
      .filter((_, i) => i % 2 === half)
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  return file;
});

function ingestInChild(config: StoreConfig, file: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(config), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${out}`)),
    ),
  );
}

const cases = await engineCases();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(cases)('concurrent clustering on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'two processes ingesting at once end with exactly the full clustering',
    async () => {
      const config = await engine.config();
      // Migrate first, so the two children do not race to create the tables.
      await (await openStore(config)).close();
      const outputs = await Promise.all(halves.map((file) => ingestInChild(config, file)));
      const stored = outputs.map((out) => JSON.parse(out.trim().split('\n').at(-1)!) as { new: number });
      expect(stored[0]!.new + stored[1]!.new).toBe(records.length);

      const store = await openStore(config);
      try {
        expect(await storedMentions(store)).toHaveLength(EVENTS);
        const canonical = await expectSameAsFull(store);
        // Clusters do span the two processes' articles, so the steps had something to race on.
        expect(canonical.length).toBeLessThan(EVENTS);
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
