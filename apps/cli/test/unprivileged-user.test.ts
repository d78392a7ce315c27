import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 20 item 13, the parts that need a user without rights: a read-only database gave a raw
// SQLITE_READONLY trace, and an unreadable subfolder an uncaught EACCES that stored nothing.
// Root reads and writes everything, so the real `sitrep` runs as `nobody` through setpriv.
const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const canDrop = (() => {
  if (process.getuid?.() !== 0) return 'not root: cannot run sitrep as another user';
  try {
    execFileSync('setpriv', ['--version']);
    return false;
  } catch {
    return 'setpriv is not installed';
  }
})();
if (canDrop) console.warn(`[unprivileged-user] skipped: ${canDrop}`);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-nobody-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function asNobody(db: string, ...args: string[]) {
  return spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, SITREP, 'ingest', ...args],
    { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir, SITREP_DB: db } },
  );
}

describe('sitrep ingest as a user without rights', () => {
  it.skipIf(canDrop)(
    'names a database it cannot write in one line',
    () => {
      const locked = join(dir, 'locked');
      mkdirSync(locked, { mode: 0o555 });
      writeFileSync(join(dir, 'one.jsonl'), '{"text":"Shelling killed 4 people in Aleppo on Monday."}\n');
      const run = asNobody(join(locked, 'sitrep.db'), 'one.jsonl');
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(
        /^sitrep ingest: the database .*locked\/sitrep\.db cannot be written by this user \(SQLITE_\w+\): .* \[STORE_UNAVAILABLE\]$/,
      );
    },
    120_000,
  );

  it.skipIf(canDrop)(
    'names a subfolder it cannot read and ingests the rest',
    () => {
      const data = join(dir, 'data');
      mkdirSync(join(data, 'private'), { recursive: true });
      writeFileSync(join(data, 'a.txt'), 'Shelling killed 4 people in Aleppo on Monday.\n');
      writeFileSync(join(data, 'private', 'b.txt'), 'Air strikes killed 9 people in Douma on Monday.\n');
      chmodSync(data, 0o755);
      chmodSync(join(data, 'a.txt'), 0o644);
      chmodSync(join(data, 'private'), 0o700);
      const writable = join(dir, 'db');
      mkdirSync(writable, { mode: 0o777 });
      chmodSync(writable, 0o777);
      const run = asNobody(join(writable, 'sitrep.db'), 'data');
      expect(run.stdout.trim(), run.stderr).toBe('1 failed; 1 new, 0 changed, 0 unchanged');
      expect(run.stderr.trim()).toBe(
        'sitrep ingest: data/private: cannot be read: permission denied; give this user read access or leave it out',
      );
    },
    120_000,
  );
});
