import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 20 item 7: `timeline(DAY)` stopped at 10,000 periods, so one far-off date (1967 in a
// 2011–2018 corpus) made `sitrep digest --all` write that one day and nothing after it.
const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sitrep = (...args: string[]) =>
  spawnSync(process.execPath, [SITREP, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, SITREP_DB: join(dir, 'sitrep.db') },
  });

describe('sitrep digest --all', () => {
  it('writes an issue for every day with events, however far apart the days are', () => {
    const rows = [
      { id: 'old', publishedAt: '1967-01-02', text: 'Air strikes killed 9 people in Douma on Monday.' },
      { id: 'a', publishedAt: '2016-12-05', text: 'Shelling killed 4 people in Aleppo on Monday.' },
      { id: 'b', publishedAt: '2016-12-06', text: 'Barrel bombs killed 7 people in Daraa on Tuesday.' },
    ];
    writeFileSync(join(dir, 'days.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const ingest = sitrep('ingest', 'days.jsonl');
    expect(ingest.stdout.trim(), ingest.stderr).toBe('3 new, 0 changed, 0 unchanged');
    const digest = sitrep('digest', '--all', '--out', 'out');
    expect(digest.status, digest.stderr).toBe(0);
    const issues = readdirSync(join(dir, 'out')).filter((f) => /^\d{4}-\d{2}-\d{2}\.html$/.test(f));
    expect(issues.sort()).toEqual(['1967-01-02.html', '2016-12-05.html', '2016-12-06.html']);
    expect(existsSync(join(dir, 'out', 'index.html'))).toBe(true);
  }, 240_000);

  it('warns at ingest about a date far outside the rest of the input', () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({
      id: `r${i}`,
      publishedAt: `2016-12-${String(i + 1).padStart(2, '0')}`,
      text: `Shelling killed ${i + 2} people in Aleppo on ${i % 2 ? 'Monday' : 'Tuesday'}, report ${i}.`,
    }));
    rows.push({
      id: 'old',
      publishedAt: '1967-01-02',
      text: 'Air strikes killed 9 people in Douma on Monday.',
    });
    writeFileSync(join(dir, 'far.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const ingest = sitrep('ingest', 'far.jsonl', '--db', join(dir, 'far.db'));
    expect(ingest.stdout.trim(), ingest.stderr).toBe('25 new, 0 changed, 0 unchanged');
    expect(ingest.stderr).toMatch(
      /^sitrep ingest: warning: far\.jsonl:25: an event dated 1967-01-02 is far outside most of this input's dates \(2016-\d\d-\d\d to 2016-\d\d-\d\d\); check the date$/m,
    );
    expect(ingest.stderr.trim().split('\n')).toHaveLength(1);
  }, 240_000);
});
