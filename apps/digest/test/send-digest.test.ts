import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CompiledIssue, compileIssue } from '../src/render/compile-issue.ts';
import { sendDigest } from '../src/send/send-digest.ts';
import { smtpTransport } from '../src/send/smtp-transport.ts';
import type { Subscriber } from '../src/subscribers/subscriber.ts';
import { issueOf, LINKS, subscriber } from './seed-issue.ts';
import { type Misbehaviour, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-send-'));
let store: SitrepStore;
let issue: CompiledIssue;
let sink: SmtpSink;
let dbCount = 0;

beforeAll(async () => {
  issue = await compileIssue(issueOf());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, `send-${++dbCount}.db`) });
});
afterEach(async () => {
  await store.close();
  await sink?.close();
});

const FROM = 'Sitrep <digest@sitrep.example.org>';
const everyone = (n: number) =>
  Array.from({ length: n }, (_, i) => subscriber(`reader${i}@example.org`, {}, `Reader ${i}`));

async function send(subscribers: readonly Subscriber[], concurrency = 3) {
  const transport = smtpTransport(sink.url, concurrency);
  try {
    return await sendDigest({
      issue,
      subscribers,
      transport,
      log: store.sendLog,
      from: FROM,
      links: LINKS,
      dkim: null,
      concurrency,
      backoff: { attempts: 4, baseMs: 5, maxMs: 20 },
    });
  } finally {
    transport.close();
  }
}

const perRecipient = (s: SmtpSink) => {
  const counts = new Map<string, number>();
  for (const r of s.received) for (const a of r.rcpt) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
};

describe('sending over SMTP', () => {
  it('delivers each subscriber their own edition once, with both parts and the list headers', async () => {
    sink = await startSmtpSink();
    const subs = [
      ...everyone(5),
      { ...subscriber('geneva@example.org', { places: ['Geneva'] }), timezone: 'Asia/Kolkata' },
      subscriber('idlib@example.org', { places: ['Idlib'] }),
    ];
    const report = await send(subs);
    expect(report.sent.sort()).toEqual([...everyone(5).map((s) => s.email), 'geneva@example.org'].sort());
    expect(report.empty).toEqual(['idlib@example.org']);
    expect([...perRecipient(sink).values()].every((n) => n === 1)).toBe(true);
    const genevaRaw = sink.received.find((r) => r.rcpt[0] === 'geneva@example.org')!;
    expect(genevaRaw.raw).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0530\r$/m);
    const geneva = genevaRaw.mail;
    expect(geneva.subject).toBe('Sitrep 9 Dec 2016: Talks scheduled in Geneva');
    expect(geneva.text).toContain('Sat 10 Dec, Geneva');
    expect(geneva.text).not.toContain('46 civilians killed');
    const reader = sink.received.find((r) => r.rcpt[0] === 'reader0@example.org')!;
    expect(reader.mail.to).toMatchObject({ value: [{ name: 'Reader 0', address: 'reader0@example.org' }] });
    expect(reader.mail.html).toContain('46 civilians killed, 230 injured');
    expect(reader.mail.text).toContain('46 civilians killed, 230 injured — White Helmets, via Reuters');
    expect(reader.raw).toMatch(
      /^List-Unsubscribe:\s+<https:\/\/sitrep\.example\.org\/unsubscribe\?u=reader0%40example\.org&t=[\w-]+>,\s+<mailto:/m,
    );
    expect(reader.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it('sends nothing twice when the same send runs again', async () => {
    sink = await startSmtpSink();
    const subs = everyone(6);
    expect((await send(subs)).sent).toHaveLength(6);
    const again = await send(subs);
    expect(again.sent).toEqual([]);
    expect(again.alreadySent.sort()).toEqual(subs.map((s) => s.email).sort());
    expect(sink.received).toHaveLength(6);
    expect(await store.sendLog.sentKeys('2016-12-09')).toEqual(
      new Set(subs.map((s) => `2016-12-09:${s.email}`)),
    );
  });

  it('retries 4xx replies and dropped connections with backoff: nothing lost, nothing doubled', async () => {
    const trouble = (address: string, attempt: number): Misbehaviour => {
      const i = Number(/reader(\d+)@/.exec(address)?.[1]);
      if (i % 3 === 0 && attempt === 1) return 'drop';
      if (i % 3 === 1 && attempt <= 2) return 451;
      return 'ok';
    };
    sink = await startSmtpSink(trouble);
    const subs = everyone(12);
    const report = await send(subs);
    expect(report.failed).toEqual([]);
    expect(report.sent.sort()).toEqual(subs.map((s) => s.email).sort());
    const counts = perRecipient(sink);
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(sink.attempts.get('reader0@example.org')).toBe(2);
    expect(sink.attempts.get('reader1@example.org')).toBe(3);
    expect(sink.attempts.get('reader2@example.org')).toBe(1);
  });

  it('does not retry a 5xx and reports it; the rest still go', async () => {
    sink = await startSmtpSink((address) => (address === 'reader2@example.org' ? 550 : 'ok'));
    const report = await send(everyone(4));
    expect(report.failed).toEqual([
      { email: 'reader2@example.org', reason: expect.stringMatching(/^550 5\.1\.1 No such user here/) },
    ]);
    expect(sink.attempts.get('reader2@example.org')).toBe(1);
    expect(report.sent).toHaveLength(3);
    const logged = await store.sendLog.entries('2016-12-09');
    expect(logged.find((e) => e.recipient === 'reader2@example.org')).toMatchObject({ status: 'failed' });
  });

  it('gives up on a recipient after the last attempt and says how many it made', async () => {
    sink = await startSmtpSink((address) => (address === 'reader1@example.org' ? 451 : 'ok'));
    const report = await send(everyone(3));
    expect(report.failed).toEqual([
      { email: 'reader1@example.org', reason: expect.stringMatching(/451 4\.7\.1 .*\(after 4 attempts\)$/) },
    ]);
    expect(sink.attempts.get('reader1@example.org')).toBe(4);
  });
});

describe('a day with nothing new', () => {
  it('sends nobody anything, unless forced', async () => {
    sink = await startSmtpSink();
    const empty = await compileIssue(
      issueOf({
        date: '2016-12-01',
        events: [],
        upcoming: [],
        quotes: [],
        tallies: [],
        leftOut: { undated: 0, periods: 0, older: 0 },
        articles: [],
      }),
    );
    const transport = smtpTransport(sink.url, 1);
    const options = {
      issue: empty,
      subscribers: everyone(2),
      transport,
      log: store.sendLog,
      from: FROM,
      links: LINKS,
      dkim: null,
    };
    try {
      expect((await sendDigest(options)).empty).toHaveLength(2);
      expect(sink.received).toHaveLength(0);
      expect((await sendDigest({ ...options, allowEmpty: true })).sent).toHaveLength(2);
      expect(sink.received[0]!.mail.text).toContain('Nothing new was reported');
    } finally {
      transport.close();
    }
  });
});
