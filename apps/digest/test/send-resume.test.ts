/**
 * A send killed midway (SIGKILL, no clean-up) resumes where it stopped: the real command in a
 * child process, a real SQLite send log, a real SMTP server that kills the sender as the third
 * message arrives and before it answers, so that message was never accepted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { startSmtpSink } from './smtp-sink.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

function runSend(smtp: string, subscribers: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      main,
      'send',
      '--fixtures',
      '--date',
      '2016-12-09',
      '--smtp',
      smtp,
      '--subscribers',
      subscribers,
      '--concurrency',
      '1',
    ],
    { env: { ...process.env, SITREP_DB: join(dir, 'sitrep.db') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

it('resumes a send killed midway without losing or doubling a message', async () => {
  const emails = Array.from({ length: 6 }, (_, i) => `r${i}@example.org`);
  const file = join(dir, 'subscribers.csv');
  writeFileSync(file, `name,email\n${emails.map((e) => `,${e}`).join('\n')}\n`);
  const sink = await startSmtpSink();
  try {
    const first = runSend(sink.url, file);
    sink.beforeAccept = (n) => {
      if (n < 3) return true;
      first.child.kill('SIGKILL');
      return false;
    };
    expect((await first.done).signal).toBe('SIGKILL');
    expect(sink.received).toHaveLength(2);

    sink.beforeAccept = () => true;
    const second = await runSend(sink.url, file).done;
    expect(second.out).toContain('2016-12-09: 4 sent, 2 already sent, 0 with nothing matching, 0 failed');
    expect(second.code).toBe(0);
    expect(sink.received.map((r) => r.rcpt[0]).sort()).toEqual(emails);

    const third = await runSend(sink.url, file).done;
    expect(third.out).toContain('0 sent, 6 already sent');
    expect(sink.received).toHaveLength(6);
  } finally {
    await sink.close();
  }
  // Three child processes, each loading tsx and the digest: 9 s alone, but 45 s (and once over
  // 60) with the whole workspace's tests running beside it on two cores, as in `npm test`.
}, 180_000);
