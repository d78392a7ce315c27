import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A test run's cached result must not be replayed where it would mean something else: a local
// run that skipped the PostgreSQL suites (allowed without CI) is not a CI run (where they must
// run), and the root vitest.config.ts (timeouts, projects) shapes every workspace's run.

const root = fileURLToPath(new URL('../../', import.meta.url));
const turbo = join(root, 'node_modules/.bin/turbo');

/** The test task of one small workspace as turbo plans it (nothing runs). */
function plan(env: Record<string, string>) {
  const run = spawnSync(turbo, ['run', 'test', '--dry=json', '--filter=@sitrep/schema'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(run.status).toBe(0);
  const tasks = (
    JSON.parse(run.stdout) as { tasks: { taskId: string; hash: string; inputs: Record<string, string> }[] }
  ).tasks;
  return tasks.find((t) => t.taskId === '@sitrep/schema#test')!;
}

describe("the test task's cache key", () => {
  it('differs with CI, so a run without it is never replayed as a CI run', () => {
    expect(plan({ CI: 'true' }).hash).not.toBe(plan({ CI: '' }).hash);
  }, 60_000);

  it('covers the root vitest.config.ts', () => {
    expect(Object.keys(plan({}).inputs)).toContain('../../vitest.config.ts');
  }, 60_000);
});
