import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 20 item 14: SIGKILL of the `sitrep serve` wrapper left its API child serving, and the
// restart failed with an EADDRINUSE trace.
const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(...args: string[]) {
  const child = spawn(process.execPath, [SITREP, 'serve', ...args], {
    env: { ...process.env, SITREP_DB: join(dir, 'sitrep.db'), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /Sitrep API on (\S+)/.exec(out)?.[1];
      if (url) resolve(url.replace('/graphql', '/health'));
    });
    child.on('exit', () => reject(new Error(`sitrep serve exited: ${out}`)));
  });
  listening.catch(() => {}); // awaited where a test expects it to listen
  return { child, exited, listening, output: () => out };
}

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.ok,
    () => false,
  );

describe('sitrep serve as a process', () => {
  it('stops serving when the sitrep process is SIGKILLed', async () => {
    const run = serve('--port', '0');
    const health = await run.listening;
    expect(await answers(health)).toBe(true);
    run.child.kill('SIGKILL');
    await run.exited;
    let serving = true;
    for (let i = 0; i < 50 && serving; i++) {
      await new Promise((r) => setTimeout(r, 200));
      serving = await answers(health);
    }
    expect(serving).toBe(false);
  }, 60_000);

  it('says in one line that the port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = serve('--port', String(port));
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(
        `sitrep serve: PORT: port ${port} on 0.0.0.0 is in use by another program (another sitrep serve?); stop it, or give another with --port or PORT [BAD_CONFIG]`,
      );
    } finally {
      taken.close();
    }
  }, 60_000);
});
