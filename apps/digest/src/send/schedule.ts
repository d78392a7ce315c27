/**
 * `sitrep digest schedule`: each subscriber's edition at their local hour. At a subscriber's
 * local day L, from their hour (default 07:00) until midnight, the issue of L−1 is due to them
 * (a morning report of yesterday). A weekly reader's edition is due on their local Monday from
 * their hour: the week Monday–Sunday just ended, keyed by its ISO week ("2016-W49"), so it is
 * neither Sunday's daily issue nor sent twice. Exactly once per edition:
 *
 * - across restarts, by the send log (a recipient logged as sent for an issue is never sent it
 *   again — `sendDigest` checks it);
 * - across processes running at once, by a claim per (issue, subscriber) in the store: only the
 *   process whose claim went in sends. A claim older than `staleMinutes` belonged to a process
 *   that died before sending, and one other process may take it over.
 *
 * Only the latest due edition is sent: a scheduler down for a day does not flood anyone with
 * old issues when it comes back.
 */
import type { SitrepStore } from '@sitrep/store/store';
import type { Transporter } from 'nodemailer';
import { buildIssue, isEmptyIssue } from '../build-issue.ts';
import type { DigestConfig } from '../config.ts';
import type { DaySource } from '../data/day-source.ts';
import { type CompiledIssue, compileIssue } from '../render/compile-issue.ts';
import { fromStored } from '../subscribers/stored-subscribers.ts';
import type { Subscriber } from '../subscribers/subscriber.ts';
import { weekData, weekKey, weekSpan } from '../week-data.ts';
import type { Backoff } from './retry-policy.ts';
import { type SendEvent, type SendReport, sendDigest } from './send-digest.ts';

export interface ScheduleOptions {
  store: SitrepStore;
  source: DaySource;
  config: DigestConfig;
  transport: Transporter;
  /** this process, in the claims it writes */
  processId: string;
  concurrency: number;
  backoff: Backoff;
  staleMinutes?: number;
  onEvent?: (event: SendEvent) => void;
}

/** The date and hour on a wall clock in `timeZone`. */
export function localTime(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The edition due to a subscriber at `at` — yesterday's date, or for a weekly reader on a Monday
 * the ISO week that ended yesterday — or null when none is (before their hour; a weekly reader
 * on any other day).
 */
export function dueIssue(s: Subscriber, at: Date): string | null {
  const local = localTime(at, s.timezone);
  if (local.hour < (s.sendHour ?? 7)) return null;
  const yesterday = dayBefore(local.date);
  if (s.cadence !== 'weekly') return yesterday;
  return new Date(`${yesterday}T12:00:00Z`).getUTCDay() === 0 ? weekKey(yesterday) : null;
}

export interface PassReport {
  /** per issue date, what sending it did */
  issues: Map<string, SendReport & { claimedElsewhere: string[] }>;
}

/** A scheduler: `pass(at)` sends whatever is due at `at`; compiled issues are kept between passes. */
export function scheduler(o: ScheduleOptions) {
  const compiled = new Map<string, CompiledIssue | 'empty'>();
  const issueFor = async (date: string) => {
    let c = compiled.get(date);
    if (!c) {
      const archiveUrl = `${o.config.publicUrl}/digests`;
      const week = weekSpan(date);
      const issue = week
        ? buildIssue(await weekData(o.source, week.sunday), {
            archiveUrl,
            week: { key: date, monday: week.monday },
          })
        : buildIssue(await o.source.day(date), { archiveUrl });
      c = isEmptyIssue(issue) ? 'empty' : await compileIssue(issue);
      compiled.set(date, c);
      // keep a few days: a pass at midnight somewhere needs two issues at most
      if (compiled.size > 4) compiled.delete(compiled.keys().next().value!);
    }
    return c;
  };

  return {
    async pass(at: Date): Promise<PassReport> {
      const due = new Map<string, Subscriber[]>();
      for (const record of await o.store.subscribers.list({ mailable: true })) {
        const s = fromStored(record);
        const date = dueIssue(s, at);
        if (date) due.set(date, [...(due.get(date) ?? []), s]);
      }
      const report: PassReport = { issues: new Map() };
      const now = at.toISOString();
      const stale = new Date(at.getTime() - (o.staleMinutes ?? 15) * 60_000).toISOString();
      for (const [date, subscribers] of [...due].sort(([a], [b]) => a.localeCompare(b))) {
        const sent = await o.store.sendLog.sentKeys(date);
        const open = subscribers.filter((s) => !sent.has(`${date}:${s.email}`));
        if (open.length === 0) continue;
        const issue = await issueFor(date);
        if (issue === 'empty') continue;
        const mine: Subscriber[] = [];
        const elsewhere: string[] = [];
        for (const s of open)
          if (await o.store.subscribers.claim(date, s.email, o.processId, now, stale)) mine.push(s);
          else elsewhere.push(s.email);
        const sendReport = await sendDigest({
          issue,
          subscribers: mine,
          transport: o.transport,
          log: o.store.sendLog,
          from: o.config.from,
          links: o.config,
          dkim: o.config.dkim,
          concurrency: o.concurrency,
          backoff: o.backoff,
          suppress: (email, detail) =>
            o.store.subscribers.suppress(email, 'bounced', detail, new Date().toISOString()),
          ...(o.onEvent ? { onEvent: o.onEvent } : {}),
        });
        report.issues.set(date, { ...sendReport, claimedElsewhere: elsewhere });
      }
      return report;
    },
  };
}
