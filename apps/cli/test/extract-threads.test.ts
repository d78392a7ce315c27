import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readInputs } from '@sitrep/extract/read';
import { afterAll, describe, expect, it } from 'vitest';
import {
  renderedBatches,
  SMALL_INPUT,
  type ThreadOptions,
  type ThreadReport,
} from '../src/extract-threads/parallel-batches.ts';
import type { Format, RenderedItem } from '../src/extract-threads/rendered-item.ts';

// `sitrep extract` on two threads prints what it prints on one, byte for byte: the worker's
// path is compared with one thread's over an input past the small-input threshold that holds
// read problems, a warning and an article in another language between ordinary articles.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('./run-extract.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The repository's own reports, each told again under a numbered headline: enough articles
// that a run starts its worker.
const corpus = readdirSync(join(root, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(root, 'corpus', name), 'utf8'));
const rows: string[] = [];
for (let i = 0; rows.length < SMALL_INPUT.articles + 40; i++)
  rows.push(JSON.stringify({ headline: `Report ${i}`, text: corpus[i % corpus.length] }));
rows.splice(20, 0, '{"text": "unfinished');
rows.splice(70, 0, JSON.stringify({ text: 'Shelling hit the town on Monday.', publishedAt: '2024-02-30' }));
rows.splice(
  120,
  0,
  JSON.stringify({
    text: "Les frappes ont tué douze civils dans la ville, selon l'observatoire.",
    language: 'fr',
  }),
);
rows.splice(121, 0, JSON.stringify({ text: '   ' }));
const big = join(dir, 'reports.jsonl');
writeFileSync(big, `${rows.join('\n')}\n`);

const crashing = join(dir, 'crashing-worker.mjs');
writeFileSync(
  crashing,
  `import { parentPort } from 'node:worker_threads';
parentPort.postMessage('ready');
parentPort.on('message', () => { throw new Error('worker fell over'); });
`,
);

async function render(paths: string[], format: Format, options: ThreadOptions) {
  const report: ThreadReport = { workers: 0, failure: null };
  const items: RenderedItem[] = [];
  // a worker's texts come as UTF-8 bytes: compared as the text they print
  const decoder = new TextDecoder();
  for await (const batch of renderedBatches(readInputs(paths, root), format, options, report))
    for (const item of batch)
      items.push(
        item.ok && typeof item.text !== 'string' ? { ...item, text: decoder.decode(item.text) } : item,
      );
  return { items, report };
}

const spawnExtract = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });

describe('sitrep extract on two threads', () => {
  it('renders every article as one thread does when the worker extracts them all', {
    timeout: 120_000,
  }, async () => {
    const one = await render([big], 'jsonl', { threads: 1 });
    const two = await render([big], 'jsonl', { threads: 2, extractHere: false });
    expect(two.report).toEqual({ workers: 1, failure: null });
    expect(one.items.filter((item) => !item.ok)).toHaveLength(2);
    expect(one.items.some((item) => item.ok && item.warnings.length > 0)).toBe(true);
    expect(one.items.some((item) => item.ok && item.skipped.analysisSkipped)).toBe(true);
    expect(two.items).toEqual(one.items);
  });

  it.each(['json', 'pretty'] as const)(
    'prints the same bytes, messages and exit code with --threads 2 as with --threads 1 (%s)',
    { timeout: 120_000 },
    (format) => {
      const one = spawnExtract(big, '--format', format, '--threads', '1');
      const two = spawnExtract(big, '--format', format, '--threads=2');
      expect(one.status).toBe(0);
      expect(one.stderr).toContain('2 problems');
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.status).toBe(one.status);
    },
  );

  it('runs its compiled worker from the compiled command, with the same output', { timeout: 120_000 }, () => {
    const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
    const one = spawnExtract(big, '--threads', '1');
    const compiled = spawnSync(process.execPath, [bin, 'extract', big, '--threads', '2'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toBe(one.stdout);
    expect(compiled.stderr).toBe(one.stderr);
    const manifest = JSON.parse(
      readFileSync(join(root, 'apps/cli/node_modules/.cache/sitrep-cli/manifest.json'), 'utf8'),
    ) as { dir: string };
    expect(readdirSync(join(root, 'apps/cli/node_modules/.cache/sitrep-cli', manifest.dir))).toContain(
      'extract-worker.mjs',
    );
  });

  it('loses nothing when the worker crashes: its batches are extracted here, and the crash is reported', {
    timeout: 120_000,
  }, async () => {
    const one = await render([big], 'jsonl', { threads: 1 });
    const two = await render([big], 'jsonl', {
      threads: 2,
      extractHere: false,
      workerScript: pathToFileURL(crashing),
    });
    expect(two.items).toEqual(one.items);
    expect(two.report.failure).toContain('worker fell over');
  });

  it('starts no worker for a small input', { timeout: 60_000 }, async () => {
    const { items, report } = await render(['corpus'], 'jsonl', {
      threads: 2,
      workerScript: pathToFileURL(crashing),
    });
    expect(items).toHaveLength(corpus.length);
    expect(report).toEqual({ workers: 0, failure: null });
  });

  it('refuses a SITREP_THREADS that is not a number, naming the setting', { timeout: 60_000 }, () => {
    const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'extract', 'corpus'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITREP_THREADS: 'many' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'sitrep extract: SITREP_THREADS: "many" is not a whole number from 1 up; use 1 for one thread, or unset it to let sitrep choose [BAD_CONFIG]\n',
    );
  });

  it.each([['--threads', '0'], ['--threads=two'], ['--threads']])(
    'refuses %s with exit code 2',
    (...args) => {
      const result = spawnExtract('corpus', ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^sitrep extract: --threads must be a whole number from 1 up/);
    },
  );
});
