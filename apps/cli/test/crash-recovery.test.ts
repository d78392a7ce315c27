import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '@sitrep/store/config';
import { syntheticArticles } from '@sitrep/store/synthetic';
import { countArticles, dumpStore } from '@sitrep/store/test-dump';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';

const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const ARTICLES = 1_000;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
const input = join(dir, 'records.jsonl');
writeFileSync(
  input,
  [...syntheticArticles({ seed: 5, events: ARTICLES * 4 })].map((r) => JSON.stringify(r)).join('\n'),
);

function ingest(config: StoreConfig): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string }>;
} {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '' };
  const args = [SITREP, 'ingest', '--extracted', input, '--batch-size', '50'];
  if (config.engine === 'sqlite') args.push('--db', config.file);
  else Object.assign(env, { DATABASE_URL: config.url, SITREP_PG_SCHEMA: config.schema });
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

const cases = await engineCases();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(cases)('crash recovery on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'SIGKILL mid-ingest, then a re-run, ends exactly like an uninterrupted run',
    async () => {
      const killed = await engine.config();
      const run = ingest(killed);
      // Kill once some batches are committed and well before the end.
      for (let n = 0; n < 150; ) {
        await new Promise((r) => setTimeout(r, 15));
        n = await countArticles(killed);
        if (run.child.exitCode !== null) break;
      }
      run.child.kill('SIGKILL');
      const first = await run.done;
      expect(first.signal, first.out).toBe('SIGKILL');
      const committed = await countArticles(killed);
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(ARTICLES);
      expect(committed % 50).toBe(0); // whole batches only: the one in flight rolled back

      const resumed = await ingest(killed).done;
      expect(resumed.code).toBe(0);
      expect(resumed.out.trim().split('\n').at(-1)).toBe(
        `${ARTICLES - committed} new, 0 changed, ${committed} unchanged`,
      );

      const clean = await engine.config();
      const straight = await ingest(clean).done;
      expect(straight.out.trim().split('\n').at(-1)).toBe(`${ARTICLES} new, 0 changed, 0 unchanged`);
      expect(await dumpStore(killed)).toEqual(await dumpStore(clean));
    },
    120_000,
  );
});
