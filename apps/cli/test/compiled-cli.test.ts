import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The launcher runs the CLI compiled into a cache (bin/compiled-cli.js); the packages are
// TypeScript source run through tsx everywhere else. The fast path is held to the real thing:
// the same command through both, outputs compared byte for byte.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const source = fileURLToPath(new URL('./run-extract.ts', import.meta.url));
const manifest = fileURLToPath(new URL('../node_modules/.cache/sitrep-cli/manifest.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-compiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the compiled sitrep command', () => {
  it('extracts byte for byte what the TypeScript source extracts', () => {
    // the seeds, a CSV, JSON Lines and a text with front matter: every reader, every data file
    const csv = join(dir, 'rows.csv');
    writeFileSync(
      csv,
      'unit_id,article_title,article_content,source,date,location,labels\n' +
        '1,Shelling in Kharkiv,"KYIV, Ukraine (AP) — Russian shelling killed 4 people in Kharkiv on Monday, officials said.",AP,3/6/2023,Kharkiv,1\n',
    );
    const jsonl = join(dir, 'one.jsonl');
    writeFileSync(
      jsonl,
      '{"text":"RSF drone strikes killed 9 people in Kadugli, South Kordofan, on Tuesday."}\n',
    );
    const md = join(dir, 'front.md');
    writeFileSync(
      md,
      '---\noutlet: Reuters\npublishedAt: 2024-05-02\n---\nGunmen killed two soldiers near Maidan Shahr, in Wardak province.\n',
    );
    const inputs = ['corpus', csv, jsonl, md];
    const compiled = run([bin, 'extract', ...inputs]);
    const viaTsx = run(['--import', 'tsx', source, ...inputs]);
    expect(compiled.status).toBe(0);
    expect(viaTsx.status).toBe(0);
    expect(compiled.stdout.split('\n').length).toBeGreaterThan(8);
    expect(compiled.stdout).toBe(viaTsx.stdout);
    expect(compiled.stderr).toBe(viaTsx.stderr);
  });

  it('records every source it was compiled from, so a change to one rebuilds it', () => {
    expect(run([bin, '--help']).status).toBe(0);
    expect(existsSync(manifest)).toBe(true);
    const inputs = Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).inputs as Record<string, string>);
    for (const file of [
      'apps/cli/src/main.ts',
      'apps/cli/src/commands/extract.ts',
      'packages/extract/src/places/resolve-places.ts',
      'packages/extract/data/actors.json',
      'node_modules/chrono-node/dist/esm/locales/en/index.js',
      // what decides how they compile and resolve, and the builder itself
      'tsconfig.base.json',
      'packages/extract/package.json',
      'apps/cli/bin/compiled-cli.js',
    ])
      expect(inputs).toContain(join(root, file));
  });

  it("rebuilds a cache copied from another checkout, whose build runs that checkout's files", () => {
    expect(run([bin, '--help']).status).toBe(0);
    const copied = JSON.parse(readFileSync(manifest, 'utf8')) as { entry: string; dir: string };
    // what `cp -a node_modules` from /elsewhere brings: every input stamp fresh, another entry
    writeFileSync(manifest, JSON.stringify({ ...copied, entry: '/elsewhere/apps/cli/src/main.ts' }));
    expect(run([bin, '--help']).status).toBe(0);
    const rebuilt = JSON.parse(readFileSync(manifest, 'utf8')) as { entry: string; dir: string };
    expect(rebuilt.entry).toBe(join(root, 'apps/cli/src/main.ts'));
    expect(rebuilt.dir).not.toBe(copied.dir);
  });
});
