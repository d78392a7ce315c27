import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore, type SubscriberInput } from '@sitrep/store/store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { fixtureSource } from '../src/data/day-source.ts';
import { dueIssue, scheduler } from '../src/send/schedule.ts';
import { smtpTransport } from '../src/send/smtp-transport.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

// `sitrep digest schedule` over a real SQLite store and a real SMTP server: each subscriber's
// edition at their local hour, once, whatever restarts, concurrent schedulers or a scheduler
// that died holding a claim.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let file: string;
let n = 0;
let sink: SmtpSink;
const open: SitrepStore[] = [];
beforeEach(async () => {
  file = join(dir, `s${++n}.db`);
  sink = await startSmtpSink();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await sink.close();
});

const none = { kinds: [], countries: [], places: [], actors: [], minKilled: null };
const reader = (email: string, timezone: string, extra: Partial<SubscriberInput> = {}): SubscriberInput => ({
  email,
  name: '',
  timezone,
  filters: none,
  ...extra,
});
const config = loadConfig({});

async function schedulerOn(processId: string) {
  const store = await openStore({ engine: 'sqlite', file });
  open.push(store);
  const transport = smtpTransport(sink.url, 2);
  const run = scheduler({
    store,
    source: fixtureSource(),
    config,
    transport,
    processId,
    concurrency: 2,
    backoff: { attempts: 1, baseMs: 1, maxMs: 1 },
  });
  return {
    store,
    pass: async (at: string) => {
      const report = await run.pass(new Date(at));
      return report;
    },
    close: () => transport.close(),
  };
}

const got = () =>
  sink.received.flatMap((m) => m.rcpt.map((r) => `${r} ${m.mail.subject?.split(':')[0]}`)).sort();

describe('the schedule', () => {
  it('works out the issue due from the local hour and the cadence', () => {
    const s = { name: '', email: 'a@x.org', timezone: 'Asia/Kolkata', filters: none };
    expect(dueIssue(s, new Date('2016-12-10T01:29:00Z'))).toBeNull(); // 06:59 in Kolkata
    expect(dueIssue(s, new Date('2016-12-10T01:30:00Z'))).toBe('2016-12-09');
    expect(dueIssue({ ...s, sendHour: 18 }, new Date('2016-12-10T12:29:00Z'))).toBeNull();
    // 17:30 on the 9th in Los Angeles: the 8th's issue; 06:30 on the 10th there: nothing (the
    // 8th's window closed at midnight, the 9th's opens at 07:00)
    expect(dueIssue({ ...s, timezone: 'America/Los_Angeles' }, new Date('2016-12-10T01:30:00Z'))).toBe(
      '2016-12-08',
    );
    expect(dueIssue({ ...s, timezone: 'America/Los_Angeles' }, new Date('2016-12-10T14:30:00Z'))).toBeNull();
    expect(dueIssue({ ...s, timezone: 'America/Los_Angeles' }, new Date('2016-12-10T15:00:00Z'))).toBe(
      '2016-12-09',
    );
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-10T01:30:00Z'))).toBeNull(); // a Friday's issue
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-12T01:30:00Z'))).toBe('2016-12-11'); // Sunday's
  });

  it("sends each subscriber's edition at their local hour, once, across restarts", async () => {
    const a = await schedulerOn('a');
    await a.store.subscribers.import(
      [
        reader('kolkata@example.org', 'Asia/Kolkata'),
        reader('london@example.org', 'Europe/London', { sendHour: 8 }),
      ],
      '2016-12-01T00:00:00Z',
    );
    await a.pass('2016-12-10T01:29:00Z');
    expect(got()).toEqual([]);
    await a.pass('2016-12-10T01:30:00Z');
    expect(got()).toEqual(['kolkata@example.org Sitrep 9 Dec 2016']);
    await a.pass('2016-12-10T07:59:00Z');
    expect(got()).toHaveLength(1);
    await a.pass('2016-12-10T08:00:00Z');
    expect(got()).toEqual(['kolkata@example.org Sitrep 9 Dec 2016', 'london@example.org Sitrep 9 Dec 2016']);
    a.close();
    // a restarted process (another id) sends nothing twice
    const b = await schedulerOn('b');
    await b.pass('2016-12-10T09:00:00Z');
    await b.pass('2016-12-10T23:00:00Z');
    b.close();
    expect(sink.received).toHaveLength(2);
  });

  it('sends once when schedulers run at the same moment, and takes over a dead one’s claim only when stale', async () => {
    const a = await schedulerOn('a');
    const b = await schedulerOn('b');
    const readers = Array.from({ length: 12 }, (_, i) => reader(`r${i}@example.org`, 'UTC'));
    await a.store.subscribers.import(readers, '2016-12-01T00:00:00Z');
    // one subscriber was claimed by a process that died before sending
    await a.store.subscribers.claim(
      '2016-12-09',
      'r0@example.org',
      'dead',
      '2016-12-10T07:00:00.000Z',
      '2016-12-10T06:00:00.000Z',
    );
    const [ra, rb] = await Promise.all([a.pass('2016-12-10T07:05:00Z'), b.pass('2016-12-10T07:05:00Z')]);
    const sentBy = (r: typeof ra) => r.issues.get('2016-12-09')?.sent ?? [];
    expect(sentBy(ra).length + sentBy(rb).length).toBe(11);
    expect(new Set([...sentBy(ra), ...sentBy(rb)]).size).toBe(11);
    expect(sink.received).toHaveLength(11);
    // 15 minutes on, the dead process's claim is stale: exactly one of the two takes it
    await Promise.all([a.pass('2016-12-10T07:16:00Z'), b.pass('2016-12-10T07:16:00Z')]);
    a.close();
    b.close();
    const counts = new Map<string, number>();
    for (const m of sink.received) for (const r of m.rcpt) counts.set(r, (counts.get(r) ?? 0) + 1);
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });
});
