/**
 * Double opt-in. A sign-up (form or mutation) stores the address as pending and mails a signed,
 * expiring confirmation link; only a confirmed address gets issues. The answer is the same
 * whatever the address's state — pending, already subscribed, or suppressed — so the form
 * cannot be used to learn who is on the list. Someone already subscribed gets their
 * preferences link instead of a confirmation; a bounced or complained address gets nothing.
 */
import type { SitrepStore } from '@sitrep/store/store';
import nodemailer from 'nodemailer';
import type { MailingListConfig } from './config.ts';
import { unknownPlaceProblem, unknownPlaces } from './known-places.ts';
import { confirmQuery, subscriberQuery } from './link-tokens.ts';
import { checkSubscriberFields, type RawSubscriberFields } from './subscriber-fields.ts';

export interface Mailer {
  send(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<void>;
  close(): void;
}

/** One SMTP connection per message: sign-ups are rare, and a pool would idle between them. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

export type SignUpResult =
  | { ok: true; email: string; outcome: 'pending' | 'recently-asked' | 'already-confirmed' | 'suppressed' }
  | { ok: false; problems: string[] };

export const SIGN_UP_DONE =
  'Check your inbox: we sent a link to confirm your subscription. Nothing is sent until you confirm.';

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function confirmationMail(config: MailingListConfig & { linkSecret: string }, email: string, now: Date) {
  const expires = new Date(now.getTime() + config.confirmHours * 3_600_000);
  const link = `${config.publicUrl}/confirm?${confirmQuery(email, expires, config.linkSecret)}`;
  return {
    subject: 'Confirm your Sitrep subscription',
    text: `Someone, probably you, asked for Sitrep's daily situation report at ${email}.\n\nTo confirm, open this link within ${config.confirmHours} hours and press Confirm:\n\n${link}\n\nIf it was not you, ignore this email: nothing will be sent.\n`,
    html: `<p>Someone, probably you, asked for Sitrep's daily situation report at ${html(email)}.</p><p><a href="${html(link)}">Confirm your subscription</a> (the link works for ${config.confirmHours} hours).</p><p>If it was not you, ignore this email: nothing will be sent.</p>`,
  };
}

function alreadyMail(config: MailingListConfig & { linkSecret: string }, email: string) {
  const link = `${config.publicUrl}/preferences?${subscriberQuery(email, config.linkSecret)}`;
  return {
    subject: 'You already get Sitrep',
    text: `Someone asked to subscribe ${email} to Sitrep, which already gets it. Change what you get, or leave, here:\n\n${link}\n`,
    html: `<p>Someone asked to subscribe ${html(email)} to Sitrep, which already gets it.</p><p><a href="${html(link)}">Change what you get, or leave</a>.</p>`,
  };
}

export async function signUp(
  deps: {
    store: SitrepStore;
    config: MailingListConfig & { linkSecret: string };
    mailer: Mailer | null;
    now?: Date;
  },
  raw: RawSubscriberFields,
): Promise<SignUpResult> {
  const checked = checkSubscriberFields(raw);
  if (!checked.ok) return checked;
  const unknown = await unknownPlaces(deps.store, checked.subscriber.filters.places);
  if (unknown.length > 0)
    return { ok: false, problems: unknown.map((name) => unknownPlaceProblem('', name).trimStart()) };
  if (!deps.mailer)
    return {
      ok: false,
      problems: ['sign-up is not available here: the server has no SITREP_SMTP_URL to send the confirmation'],
    };
  const now = deps.now ?? new Date();
  const { subscriber } = checked;
  // One confirmation per address per ten minutes: the form cannot be used to flood someone's inbox.
  const quietSince = new Date(now.getTime() - 10 * 60_000).toISOString();
  const outcome = await deps.store.subscribers.signUp(subscriber, now.toISOString(), quietSince);
  if (outcome === 'pending' || outcome === 'already-confirmed') {
    const mail =
      outcome === 'pending'
        ? confirmationMail(deps.config, subscriber.email, now)
        : alreadyMail(deps.config, subscriber.email);
    await deps.mailer.send({ from: deps.config.from, to: subscriber.email, ...mail });
  }
  return { ok: true, email: subscriber.email, outcome };
}
