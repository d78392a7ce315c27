/**
 * One recipient's message as nodemailer options: both parts, a stable Message-ID, and the
 * one-click unsubscribe headers (RFC 8058). nodemailer's `list` option and its default DKIM
 * header list get this wrong for bulk senders — `list.unsubscribe` with several URLs is fine,
 * but List-Unsubscribe-Post is not in the default signed-header list, and Gmail and Yahoo
 * require both headers to be covered by the DKIM signature — so the headers are set here
 * and the signed list is spelled out.
 */
import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import type { DkimConfig } from '../config.ts';
import { inlineAttachment, type MapImage } from '../map/map-image.ts';
import type { RenderedEmail } from '../render/compile-issue.ts';
import { rfc5322Date } from './rfc5322-date.ts';

/** Every header the digest signs; List-Unsubscribe and List-Unsubscribe-Post must be among them. */
export const SIGNED_HEADERS = [
  'From',
  'To',
  'Subject',
  'Date',
  'Message-ID',
  'MIME-Version',
  'Content-Type',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

export interface MessageInput {
  issueDate: string;
  from: string;
  to: { name: string; email: string; timezone: string };
  subject: string;
  rendered: RenderedEmail;
  unsubscribeUrl: string;
  unsubscribeMailto: string;
  /** when the message is dated; defaults to now */
  date?: Date;
  /** the day's map, one PNG per panel, each sent inline under the Content-ID the HTML part shows */
  map?: readonly MapImage[];
}

/** `<2016-12-09.3f2a…@sitrep.example.org>`: the same issue to the same person always has the same id. */
export function messageId(issueDate: string, email: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const h = createHash('sha256').update(`${issueDate}\n${email.toLowerCase()}`).digest('hex').slice(0, 24);
  return `<digest.${issueDate}.${h}@${domain}>`;
}

export function buildMessage(input: MessageInput, dkim: DkimConfig | null): SendMailOptions {
  return {
    from: input.from,
    to: input.to.name ? { name: input.to.name, address: input.to.email } : input.to.email,
    subject: input.subject,
    date: rfc5322Date(input.date ?? new Date(), input.to.timezone),
    messageId: messageId(input.issueDate, input.to.email, input.from),
    text: input.rendered.text,
    html: input.rendered.html,
    ...(input.map?.length ? { attachments: input.map.map(inlineAttachment) } : {}),
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>, <${input.unsubscribeMailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    ...(dkim
      ? {
          dkim: {
            domainName: dkim.domainName,
            keySelector: dkim.keySelector,
            privateKey: dkim.privateKey,
            headerFieldNames: SIGNED_HEADERS,
          },
        }
      : {}),
  };
}
