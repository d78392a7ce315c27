/**
 * Sends one day's issue to every subscriber who has something in it, through a pooled SMTP
 * transport. The send log makes a run idempotent and resumable: recipients already logged as
 * sent are skipped, and each success is logged the moment the server accepts the message, so a
 * run that dies midway picks up where it stopped. Delivery is at-least-once: a crash between
 * the server's 250 and the log write re-sends that one message on the next run (the stable
 * Message-ID lets receiving systems drop it as a duplicate).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SendLog } from '@sitrep/store/query-types';
import type { Transporter } from 'nodemailer';
import type { DkimConfig } from '../config.ts';
import { buildMessage, messageId } from '../mail/build-message.ts';
import { type LinkSettings, recipientContext, recipientLinks } from '../recipient-context.ts';
import { type CompiledIssue, renderFor } from '../render/compile-issue.ts';
import type { Subscriber } from '../subscribers/subscriber.ts';
import {
  type Backoff,
  classify,
  DEFAULT_BACKOFF,
  delayBefore,
  describe,
  isHardBounce,
  type SmtpFailure,
} from './retry-policy.ts';

export interface SendOptions {
  issue: CompiledIssue;
  subscribers: readonly Subscriber[];
  transport: Transporter;
  log: Pick<SendLog, 'sentKeys' | 'record'>;
  from: string;
  links: LinkSettings;
  dkim: DkimConfig | null;
  /** messages in flight at once; match the pool's maxConnections */
  concurrency?: number;
  backoff?: Backoff;
  /** send the full issue even to subscribers whom nothing matches (`--force` on a day with nothing new) */
  allowEmpty?: boolean;
  /** puts a hard-bounced address on the suppression list (a 5xx naming the address) */
  suppress?: (email: string, detail: string) => Promise<void>;
  onEvent?: (event: SendEvent) => void;
}

export type SendEvent =
  | { type: 'sent'; email: string; attempts: number }
  | { type: 'retry'; email: string; attempt: number; delayMs: number; reason: string }
  | { type: 'failed'; email: string; reason: string; suppressed: boolean };

export interface SendReport {
  sent: string[];
  /** already in the send log for this issue */
  alreadySent: string[];
  /** nothing in the issue matches their filters */
  empty: string[];
  failed: { email: string; reason: string }[];
  /** failed with a hard bounce and put on the suppression list */
  suppressed: string[];
}

export async function sendDigest(o: SendOptions): Promise<SendReport> {
  // the send log's key: the day, or a weekly edition's week
  const date = o.issue.model.edition;
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  const done = await o.log.sentKeys(date);
  const report: SendReport = { sent: [], alreadySent: [], empty: [], failed: [], suppressed: [] };
  const queue: { s: Subscriber; ctx: NonNullable<ReturnType<typeof recipientContext>> }[] = [];
  for (const s of o.subscribers) {
    if (done.has(`${date}:${s.email}`)) report.alreadySent.push(s.email);
    else {
      const ctx = recipientContext(o.issue.model, s, o.links, { allowEmpty: o.allowEmpty ?? false });
      if (ctx) queue.push({ s, ctx });
      else report.empty.push(s.email);
    }
  }

  const sendOne = async ({ s, ctx }: (typeof queue)[number]) => {
    const message = buildMessage(
      {
        issueDate: date,
        from: o.from,
        to: { name: s.name, email: s.email, timezone: s.timezone },
        subject: ctx.subject,
        rendered: renderFor(o.issue, ctx),
        unsubscribeUrl: ctx.unsubscribeUrl,
        unsubscribeMailto: recipientLinks(s.email, o.links).unsubscribeMailto,
        map: o.issue.mapFor(ctx.map),
      },
      o.dkim,
    );
    const id = messageId(date, s.email, o.from);
    for (let attempt = 1; ; attempt++) {
      try {
        await o.transport.sendMail(message);
        await o.log.record({ issueDate: date, recipient: s.email, messageId: id, status: 'sent' });
        report.sent.push(s.email);
        o.onEvent?.({ type: 'sent', email: s.email, attempts: attempt });
        return;
      } catch (error) {
        const failure = error as SmtpFailure;
        const reason = describe(failure);
        if (classify(failure) === 'final' || attempt >= backoff.attempts) {
          const why = attempt > 1 ? `${reason} (after ${attempt} attempts)` : reason;
          await o.log.record({
            issueDate: date,
            recipient: s.email,
            messageId: id,
            status: 'failed',
            detail: why,
          });
          report.failed.push({ email: s.email, reason: why });
          const suppressed = !!o.suppress && isHardBounce(failure);
          if (suppressed) {
            await o.suppress!(s.email, why);
            report.suppressed.push(s.email);
          }
          o.onEvent?.({ type: 'failed', email: s.email, reason: why, suppressed });
          return;
        }
        const delayMs = delayBefore(attempt + 1, backoff);
        o.onEvent?.({ type: 'retry', email: s.email, attempt, delayMs, reason });
        await sleep(delayMs);
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < queue.length) await sendOne(queue[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));
  return report;
}
