import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const sitrep = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });

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
});
