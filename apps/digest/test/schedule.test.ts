import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore, type SubscriberInput } from '@sitrep/store/store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { fixtureSource } from '../src/data/day-source.ts';
import { addDays } from '../src/date-labels.ts';
import type { DayData } from '../src/day-data.ts';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
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

async function schedulerOn(processId: string, source = fixtureSource()) {
  const store = await openStore({ engine: 'sqlite', file });
  open.push(store);
  const transport = smtpTransport(sink.url, 2);
  const run = scheduler({
    store,
    source,
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
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-10T01:30:00Z'))).toBeNull(); // a Saturday
    // Monday 07:00 in Kolkata: the ISO week Monday 5 – Sunday 11 December
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-12T01:29:00Z'))).toBeNull();
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-12T01:30:00Z'))).toBe('2016-W49');
    expect(dueIssue({ ...s, cadence: 'weekly' }, new Date('2016-12-13T01:30:00Z'))).toBeNull(); // a Tuesday
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

describe('a weekly reader', () => {
  // the week Monday 5 – Sunday 11 December 2016: the seed Friday, a Tuesday made for it, and a
  // day on each side that the week must leave out
  const base = SEED_DAY_2016_12_09.events[0]!;
  const dayOf = (date: string, summary: string, tallies: DayData['tallies'] = []): DayData => ({
    ...SEED_DAY_2016_12_09,
    date,
    events: [{ ...base, id: `evt_${date}`, summary, start: date, end: date, canonical: null }],
    upcoming: [],
    quotes: [],
    tallies,
  });
  const tally = (date: string, killed: number | null) => ({ date, killed, injured: null, displaced: null });
  const days = Array.from({ length: 15 }, (_, i) => addDays('2016-11-27', i));
  const source = fixtureSource([
    dayOf('2016-12-04', 'The week before: a strike no weekly edition of 5–11 December carries.', [
      ...days.slice(0, 8).map((d) => tally(d, d === '2016-12-01' ? 10 : null)),
    ]),
    // Monday's articles tell of the Saturday before: the week before's event, not this week's
    {
      ...dayOf('2016-12-05', 'The Saturday before: a convoy hit, told again on Monday.'),
      events: [
        {
          ...base,
          id: 'evt_saturday_before',
          summary: 'The Saturday before: a convoy hit, told again on Monday.',
          start: '2016-12-03',
          end: '2016-12-03',
          canonical: null,
        },
      ],
    },
    dayOf('2016-12-06', 'Tuesday: shelling hit the covered market, witnesses said.'),
    SEED_DAY_2016_12_09,
    {
      ...dayOf('2016-12-11', 'Sunday: a strike on the bakery queue.'),
      tallies: days.slice(7).map((d) => tally(d, d === '2016-12-06' ? 4 : d === '2016-12-09' ? 46 : null)),
    },
    dayOf('2016-12-12', 'The week after: a strike the week of 5–11 December cannot carry.'),
  ]);

  it('gets one edition a week at their local Monday hour, covering Monday to Sunday, once across restarts', async () => {
    const a = await schedulerOn('a', source);
    await a.store.subscribers.import(
      [
        reader('weekly@example.org', 'Asia/Kolkata', { cadence: 'weekly' }),
        reader('daily@example.org', 'Asia/Kolkata'),
      ],
      '2016-12-01T00:00:00Z',
    );
    // the days of the week: daily issues go out, the weekly reader waits
    for (const at of ['2016-12-07T01:30:00Z', '2016-12-10T01:30:00Z', '2016-12-11T01:30:00Z'])
      await a.pass(at);
    expect(got()).toEqual(['daily@example.org Sitrep 6 Dec 2016', 'daily@example.org Sitrep 9 Dec 2016']);
    sink.received.length = 0;
    await a.pass('2016-12-12T01:29:00Z'); // 06:59 on Monday in Kolkata
    expect(got()).toEqual([]);
    await a.pass('2016-12-12T01:30:00Z');
    expect(got()).toEqual([
      'daily@example.org Sitrep 11 Dec 2016',
      'weekly@example.org Sitrep 5–11 Dec 2016',
    ]);
    a.close();
    // restarted, the rest of Monday and the week after: nothing more for the weekly reader
    const b = await schedulerOn('b', source);
    for (const at of [
      '2016-12-12T09:00:00Z',
      '2016-12-12T18:29:00Z',
      '2016-12-13T01:30:00Z',
      '2016-12-18T01:30:00Z',
    ])
      await b.pass(at);
    b.close();
    const weekly = sink.received.filter((m) => m.rcpt[0] === 'weekly@example.org');
    expect(weekly).toHaveLength(1);
    expect(await b.store.sendLog.entries('2016-W49')).toMatchObject([
      { recipient: 'weekly@example.org', status: 'sent' },
    ]);

    const text = weekly[0]!.mail.text!;
    expect(text).toContain('Week of Monday 5 December 2016 to Sunday 11 December 2016');
    expect(text).toContain('Weekly situation report'.toUpperCase());
    for (const inWeek of [
      'Tuesday: shelling hit the covered market',
      'Sunday: a strike on the bakery queue',
      base.summary.slice(0, 40),
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(inWeek);
    expect(text).not.toContain('The week before');
    expect(text).not.toContain('The Saturday before');
    expect(text).not.toContain('The week after');
    // the top box: the week's killed (4 + 46) against the week before's (10)
    expect(text).toMatch(/Killed\s+50\s+up 40 from the week before/);
  });
});
