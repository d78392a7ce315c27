// corpus → store → API → digest, each step the real command in its own process: `sitrep ingest`
// fills a SQLite file, `sitrep serve` answers GraphQL over HTTP, and `sitrep digest` writes the
// issue of 9 December 2016 twice — in process over the store, and through the API with --api —
// which must agree byte for byte in their plain-text part.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const sitrep = fileURLToPath(new URL('../../apps/cli/bin/sitrep.js', import.meta.url));
const corpus = fileURLToPath(new URL('../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-flow-'));
const env = {
  ...process.env,
  SITREP_DB: join(dir, 'sitrep.db'),
  DATABASE_URL: '',
  REDIS_URL: '',
  NODE_ENV: 'development',
};
let api: ChildProcess;
let url: string;

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [sitrep, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  const ingest = await run(['ingest', corpus, '--no-progress']);
  expect(ingest.out).toMatch(/5 new, 0 changed, 0 unchanged/);
  const main = fileURLToPath(import.meta.resolve('@sitrep/api/main'));
  api = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0'], {
    env: { ...env, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    api.once('exit', (code) => reject(new Error(`sitrep serve exited with ${code}`)));
    createInterface({ input: api.stdout! }).on('line', (line) => {
      const match = /on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
}, 120_000);

afterAll(async () => {
  if (api) {
    api.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      api.once('exit', () => resolve());
      api.kill('SIGTERM');
    });
  }
  rmSync(dir, { recursive: true, force: true });
});

it('writes the same issue in process and through the API', async () => {
  const local = await run(['digest', '--date', '2016-12-09', '--out', join(dir, 'local')]);
  expect(local.code, local.out).toBe(0);
  const remote = await run(['digest', '--api', url, '--date', '2016-12-09', '--out', join(dir, 'remote')]);
  expect(remote.code, remote.out).toBe(0);
  expect(readdirSync(join(dir, 'remote')).sort()).toEqual([
    '2016-12-09-map.png',
    '2016-12-09.eml',
    '2016-12-09.html',
    '2016-12-09.txt',
  ]);
  // the map's points come through the API as they do in process, and draw the same picture
  const map = readFileSync(join(dir, 'remote', '2016-12-09-map.png'));
  expect(map.equals(readFileSync(join(dir, 'local', '2016-12-09-map.png')))).toBe(true);
  const text = readFileSync(join(dir, 'remote', '2016-12-09.txt'), 'utf8');
  expect(text).toBe(readFileSync(join(dir, 'local', '2016-12-09.txt'), 'utf8'));
  expect(text).toContain('122 in favour, 13 against');
  expect(text).toMatch(/Sat 10 Dec, Geneva/);
}, 120_000);

it('writes every day with events and the archive with --all', async () => {
  const all = await run(['digest', '--all', '--out', join(dir, 'all')]);
  expect(all.code, all.out).toBe(0);
  const index = readFileSync(join(dir, 'all', 'index.html'), 'utf8');
  expect(index).toContain('href="2016-12-09.html"');
}, 120_000);
