/** The three things `sitrep digest` does, each printing one line per outcome a person needs to see. */

import { BadInputError } from '@sitrep/schema/errors';
import { buildIssue, isEmptyIssue } from '../build-issue.ts';
import type { DigestConfig } from '../config.ts';
import { startPreview } from '../preview/preview-server.ts';
import { compileIssue } from '../render/compile-issue.ts';
import { type SendEvent, type SendReport, sendDigest } from '../send/send-digest.ts';
import { smtpTransport } from '../send/smtp-transport.ts';
import { loadSubscribers } from '../subscribers/load-subscribers.ts';
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
    const { keep: subscribers, dropped } = fromFile
      ? await withoutSuppressed(store!, fromFile)
      : { keep: await storedRecipients(store!, args.date!), dropped: [] };
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
