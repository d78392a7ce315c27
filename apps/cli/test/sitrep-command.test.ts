import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const sitrep = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });
const sitrepIn = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

describe('the sitrep command', () => {
  it('prints its usage with --help and exits 0', () => {
    const run = sitrep('--help');
    expect(run.status).toBe(0);
    for (const command of ['extract', 'ingest', 'serve', 'digest', 'start'])
      expect(run.stdout).toContain(`sitrep ${command}`);
  });

  it('prints its usage and exits 2 when given no command', () => {
    const run = sitrep();
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage:');
  });

  it('names an unknown command and says where to look', () => {
    const run = sitrep('exract');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`sitrep: unknown command "exract". Run 'sitrep --help' for the list.`);
  });

  it.each(['serve', 'digest'])('runs the %s app from outside the checkout', (command) => {
    // the apps run in a child process, which once looked for tsx in the working directory
    const run = sitrepIn(tmpdir(), command, '--help');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`sitrep ${command}`);
  });
});
