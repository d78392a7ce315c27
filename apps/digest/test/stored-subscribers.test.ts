import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@sitrep/store/store';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main as digest } from '../src/main.ts';
import { main as subscribers } from '../src/subscribers-main.ts';
import { type Misbehaviour, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

// `sitrep subscribers import/export` and `sitrep digest send` from the store, through the real
// commands over a real SQLite file and a real SMTP server: confirmed subscribers get the issue,
// a suppressed address never does (not even when re-imported or listed in a --subscribers
// file), and a 5xx naming the address suppresses it.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-stored-'));
let n = 0;
let sink: SmtpSink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(program: (argv: string[]) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    return { code: await program(args), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

function freshStore(): string {
  const file = join(dir, `s${++n}.db`);
  vi.stubEnv('SITREP_DB', file);
  vi.stubEnv('DATABASE_URL', '');
  return file;
}

const CSV = `name,email,timezone,kinds,places,actors,countries,min_killed,send_hour,cadence
Ana,ana@example.org,Europe/London,,,,,,6,daily
Bo,bo@example.org,Asia/Kolkata,airstrike,Aleppo,,,,,
Cy,cy@example.org,,,,,,,,weekly
`;

const send = (date: string, url: string, extra: string[] = []) =>
  run(digest, ['send', '--fixtures', '--date', date, '--smtp', url, '--attempts', '1', ...extra]);

describe('subscribers in the store', () => {
  it('imports a file, exports it back, and sends the issue to the confirmed subscribers', async () => {
    freshStore();
    const file = join(dir, 'subs.csv');
    writeFileSync(file, CSV);
    expect(await run(subscribers, ['import', file])).toEqual({ code: 0, out: '3 added, 0 updated' });
    expect(await run(subscribers, ['import', file])).toEqual({ code: 0, out: '0 added, 3 updated' });

    const exported = await run(subscribers, ['export']);
    const rows = JSON.parse(exported.out) as { email: string; sendHour: number; cadence: string }[];
    expect(rows.map((r) => [r.email, r.sendHour, r.cadence])).toEqual([
      ['ana@example.org', 6, 'daily'],
      ['bo@example.org', 7, 'daily'],
      ['cy@example.org', 7, 'weekly'],
    ]);
    const csvOut = join(dir, 'out.csv');
    expect((await run(subscribers, ['export', '--format', 'csv', '--out', csvOut])).code).toBe(0);
    expect(readFileSync(csvOut, 'utf8').split('\n')[2]).toBe(
      'Bo,bo@example.org,Asia/Kolkata,7,daily,airstrike,,Aleppo,,,',
    );

    sink = await startSmtpSink();
    // 9 December 2016 is a Friday: the weekly reader waits for Sunday's issue.
    const r = await send('2016-12-09', sink.url);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain(
      '2016-12-09: 2 sent, 0 already sent, 0 with nothing matching, 0 failed (0 suppressed)',
    );
    expect(sink.received.flatMap((m) => m.rcpt).sort()).toEqual(['ana@example.org', 'bo@example.org']);
    const bo = sink.received.find((m) => m.rcpt[0] === 'bo@example.org')!;
    expect(bo.mail.text).toContain('Your edition follows Aleppo, airstrike');
  });

  it('never mails a suppressed address, even re-imported or listed in a --subscribers file', async () => {
    const db = freshStore();
    const file = join(dir, 'subs2.csv');
    writeFileSync(file, CSV);
    await run(subscribers, ['import', file]);
    const store = await openStore({ engine: 'sqlite', file: db });
    await store.subscribers.suppress(
      'ANA@example.org',
      'unsubscribed',
      'one-click',
      new Date().toISOString(),
    );
    await store.close();

    const again = await run(subscribers, ['import', file]);
    expect(again.out).toBe('0 added, 3 updated; 1 on the suppression list stay suppressed: ana@example.org');
    expect((await run(subscribers, ['suppressed'])).out).toMatch(
      /^ana@example\.org\tunsubscribed\t.*\tone-click$/,
    );

    sink = await startSmtpSink();
    await send('2016-12-09', sink.url);
    expect(sink.received.flatMap((m) => m.rcpt)).toEqual(['bo@example.org']);

    const fromFile = await send('2016-10-13', sink.url, ['--subscribers', file]);
    expect(fromFile.out).toContain('1 address(es) on the suppression list skipped: ana@example.org');
    expect(sink.received.filter((m) => m.rcpt.includes('ana@example.org'))).toEqual([]);
  });

  it('suppresses an address the server refuses with a 5xx, and leaves a 4xx alone', async () => {
    const db = freshStore();
    const file = join(dir, 'subs3.csv');
    writeFileSync(file, CSV);
    await run(subscribers, ['import', file]);
    const answer = (a: string): Misbehaviour =>
      a === 'ana@example.org' ? 550 : a === 'bo@example.org' ? 451 : 'ok';
    sink = await startSmtpSink(answer);
    const r = await send('2016-12-09', sink.url);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /failed ana@example\.org: 550 5\.1\.1 No such user here \(hard bounce: suppressed\)/,
    );
    expect(r.out).toContain('0 sent, 0 already sent, 0 with nothing matching, 2 failed (1 suppressed)');

    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      expect((await store.subscribers.suppressions()).map((s) => [s.email, s.reason])).toEqual([
        ['ana@example.org', 'bounced'],
      ]);
    } finally {
      await store.close();
    }
    // The next issue is not even tried for the bounced address; the 4xx one is.
    sink.attempts.clear();
    await send('2016-10-13', sink.url);
    expect([...sink.attempts.keys()]).toEqual(['bo@example.org']);
  });
});
