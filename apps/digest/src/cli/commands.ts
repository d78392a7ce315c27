/** The three things `sitrep digest` does, each printing one line per outcome a person needs to see. */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BadInputError } from '@sitrep/schema/errors';
import { openStore } from '@sitrep/store/store';
import { readReportFiles } from '../bounces/read-reports.ts';
import { buildIssue, isEmptyIssue } from '../build-issue.ts';
import type { DigestConfig } from '../config.ts';
import { startPreview } from '../preview/preview-server.ts';
import { compileIssue } from '../render/compile-issue.ts';
import { scheduler } from '../send/schedule.ts';
import { type SendEvent, type SendReport, sendDigest } from '../send/send-digest.ts';
import { smtpTransport } from '../send/smtp-transport.ts';
import { checkPlaces, loadSubscribers } from '../subscribers/load-subscribers.ts';
import { storedRecipients, withoutSuppressed } from '../subscribers/stored-subscribers.ts';
import { writeAll, writeDigest } from '../write-digests.ts';
import { openDaySource } from './open-day-source.ts';
import type { DigestArgs } from './parse-args.ts';

export async function runWrite(args: DigestArgs, config: DigestConfig): Promise<number> {
  const { source, close } = await openDaySource(args, config);
  try {
    const options = { source, config, out: args.out, force: args.force };
    const results = args.all ? await writeAll(options) : [await writeDigest(args.date!, options)];
    for (const r of results)
      console.log(
        'written' in r ? `${r.date}: wrote ${r.written.join(', ')}` : `${r.date}: no email — ${r.skipped}`,
      );
    if (args.all) console.log(`wrote ${args.out}/index.html`);
    return 0;
  } finally {
    await close();
  }
}

export async function runSend(args: DigestArgs, config: DigestConfig): Promise<number> {
  const smtp = args.smtp ?? config.smtpUrl;
  if (!smtp)
    throw new BadInputError('sitrep digest send', 'give --smtp smtp://host:port or set SITREP_SMTP_URL');
  const fromFile = args.subscribers ? await loadSubscribers(args.subscribers) : null;
  const { source, store, close } = await openDaySource(args, config, { needStore: true });
  const transport = smtpTransport(smtp, args.concurrency);
  try {
    // Without a file, the store's confirmed subscribers; either way, never a suppressed address.
    if (fromFile) await checkPlaces(fromFile, store!, args.subscribers!);
    const { keep: subscribers, dropped } = fromFile
      ? await withoutSuppressed(store!, fromFile)
      : { keep: await storedRecipients(store!), dropped: [] };
    if (dropped.length)
      console.log(`${dropped.length} address(es) on the suppression list skipped: ${dropped.join(', ')}`);
    const day = await source.day(args.date!);
    const issue = buildIssue(day, { archiveUrl: `${config.publicUrl}/digests` });
    if (isEmptyIssue(issue) && !args.force) {
      console.log(`${args.date}: nothing new on this day; no email sent (use --force to send anyway)`);
      return 0;
    }
    const report = await sendDigest({
      issue: await compileIssue(issue),
      subscribers,
      transport,
      log: store!.sendLog,
      from: config.from,
      links: config,
      dkim: config.dkim,
      concurrency: args.concurrency,
      // --force sends a day with nothing new; it never sends anyone an empty personal edition of a real day.
      allowEmpty: args.force && isEmptyIssue(issue),
      backoff: { attempts: args.attempts, baseMs: 1_000, maxMs: 60_000 },
      suppress: (email, detail) =>
        store!.subscribers.suppress(email, 'bounced', detail, new Date().toISOString()),
      onEvent: logSendEvent,
    });
    console.log(reportLine(args.date!, report));
    return report.failed.length ? 1 : 0;
  } finally {
    transport.close();
    await close();
  }
}

export function logSendEvent(e: SendEvent): void {
  if (e.type === 'retry')
    console.error(`retry ${e.email} in ${e.delayMs} ms (attempt ${e.attempt}): ${e.reason}`);
  if (e.type === 'failed')
    console.error(`failed ${e.email}: ${e.reason}${e.suppressed ? ' (hard bounce: suppressed)' : ''}`);
}

export const reportLine = (date: string, r: SendReport) =>
  `${date}: ${r.sent.length} sent, ${r.alreadySent.length} already sent, ${r.empty.length} with nothing matching, ${r.failed.length} failed (${r.suppressed.length} suppressed)`;

export async function runPreview(args: DigestArgs, config: DigestConfig): Promise<number> {
  const { source, close } = await openDaySource(args, config);
  const { server, url } = await startPreview({ source, config, port: args.port ?? config.previewPort });
  console.log(`Digest preview on ${url} (archive at /, an issue at /YYYY-MM-DD.html). Ctrl-C stops it.`);
  const stop = () => server.close(() => void close());
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return -1;
}

/** `sitrep digest bounces FILE...`: suppress what the delivery reports and complaints name. */
export async function runBounces(args: DigestArgs): Promise<number> {
  const reports = await readReportFiles(args.files);
  const store = await openStore();
  try {
    const now = new Date().toISOString();
    for (const r of reports) await store.subscribers.suppress(r.email, r.reason, r.detail, now);
  } finally {
    await store.close();
  }
  const count = (reason: string) =>
    new Set(reports.filter((r) => r.reason === reason).map((r) => r.email)).size;
  console.log(
    `${count('bounced')} hard-bounced, ${count('complained')} complained${reports.length ? `: suppressed ${[...new Set(reports.map((r) => r.email))].join(', ')}` : ''}`,
  );
  return 0;
}

/**
 * `sitrep digest schedule`: a pass every --every seconds (or one with --once), each sending the
 * editions due at that moment. --now sets the clock (it then runs on from there), so a past
 * morning can be replayed over an archive of old days.
 */
export async function runSchedule(args: DigestArgs, config: DigestConfig): Promise<number> {
  const smtp = args.smtp ?? config.smtpUrl;
  if (!smtp)
    throw new BadInputError('sitrep digest schedule', 'give --smtp smtp://host:port or set SITREP_SMTP_URL');
  const { source, store, close } = await openDaySource(args, config, { needStore: true });
  const transport = smtpTransport(smtp, args.concurrency);
  const offset = args.now ? args.now.getTime() - Date.now() : 0;
  const clock = () => new Date(Date.now() + offset);
  const run = scheduler({
    store: store!,
    source,
    config,
    transport,
    processId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    concurrency: args.concurrency,
    backoff: { attempts: args.attempts, baseMs: 1_000, maxMs: 60_000 },
    onEvent: logSendEvent,
  });
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  let failed = false;
  try {
    do {
      const at = clock();
      const report = await run.pass(at);
      for (const [date, r] of report.issues) {
        console.log(
          `${at.toISOString()} ${reportLine(date, r)}${r.claimedElsewhere.length ? `, ${r.claimedElsewhere.length} taken by another scheduler` : ''}`,
        );
        failed ||= r.failed.length > 0;
      }
      if (args.once || stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, args.every * 1000).unref();
      });
    } while (!stopping);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    transport.close();
    await close();
  }
  return args.once && failed ? 1 : 0;
}
