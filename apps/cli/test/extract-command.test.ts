import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/commands/extract.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('./run-extract.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command in its own process: real stdout, stderr and exit code (slow, so used sparingly). */
function spawnExtract(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim().split('\n') };
}

/** The same command in this process, capturing what it writes. */
async function extract(...args: string[]) {
  let stdout = '';
  const errors: string[] = [];
  const write = process.stdout.write;
  const error = console.error;
  const log = console.log;
  const cwd = process.cwd();
  process.chdir(root);
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  console.error = (line: string) => errors.push(line);
  console.log = (line: string) => {
    stdout += `${line}\n`;
  };
  try {
    const code = await run(args);
    return { code, stdout, stderr: errors.join('\n').split('\n') };
  } finally {
    process.stdout.write = write;
    console.error = error;
    console.log = log;
    process.chdir(cwd);
  }
}

describe('sitrep extract', () => {
  it('prints one schema-valid article per line for the corpus, with origins', { timeout: 30_000 }, () => {
    const { code, stdout, stderr } = spawnExtract('corpus', '--format', 'jsonl');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    const articles = lines.map((line) => ExtractedArticle.parse(JSON.parse(line)));
    expect(articles.map((a) => a.origin.path)).toEqual([
      'corpus/000_ea18342763ee7f17.txt',
      'corpus/001_5bae0838f8ec4212.txt',
      'corpus/002_128d923c1ed1c91d.txt',
      'corpus/003_7e8356547cb68094.txt',
      'corpus/004_388484fd9ac85dd6.txt',
    ]);
    expect(stderr).toEqual(['sitrep extract: 5 articles extracted, 0 problems']);
  });

  it('is deterministic: two runs print the same bytes', async () => {
    const first = await extract('corpus/001_5bae0838f8ec4212.txt');
    expect((await extract('corpus/001_5bae0838f8ec4212.txt')).stdout).toBe(first.stdout);
  });

  it('prints a JSON array with --format json', async () => {
    const { stdout } = await extract('corpus/002_128d923c1ed1c91d.txt', '--format', 'json');
    const parsed = JSON.parse(stdout) as unknown[];
    expect(parsed).toHaveLength(1);
  });

  it('prints a summary for a person with --format pretty', async () => {
    const { stdout } = await extract('corpus/003_7e8356547cb68094.txt', '--format', 'pretty');
    expect(stdout).toContain('Russian and Syrian regime strikes kill over 80 in Aleppo');
    expect(stdout).toContain('outlet: TRT World');
    expect(stdout).toMatch(
      /credits: Reuters \(photo\); Agence France-Presse \(photo\); TRT World \(agencies\)/,
    );
  });

  it('reports bad input one line each and still extracts the rest; --strict fails', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'good.txt'),
      'A headline\n\nGovernment forces advanced on Friday, a monitor said.\n',
    );
    const { code, stdout, stderr } = await extract(dir);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toEqual([
      `sitrep extract: ${join(dir, 'empty.txt')}: is empty; nothing to extract [BAD_INPUT]`,
      'sitrep extract: 1 article extracted, 1 problem',
    ]);
    expect((await extract(dir, '--strict')).code).toBe(1);
  });

  it('exits non-zero when nothing could be read', { timeout: 30_000 }, () => {
    const { code, stderr } = spawnExtract('no/such/folder');
    expect(code).toBe(1);
    expect(stderr[0]).toBe('sitrep extract: no/such/folder: does not exist; check the path [BAD_INPUT]');
  });

  it.each([[[]], [['corpus', '--format', 'xml']], [['corpus', '--fast']]])(
    'rejects bad usage %j with exit code 2',
    async (args) => {
      expect((await extract(...args)).code).toBe(2);
    },
  );
});
