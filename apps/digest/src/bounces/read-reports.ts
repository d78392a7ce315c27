/**
 * What delivery-status notifications (RFC 3464) and abuse reports (ARF, RFC 5965) say about our
 * addresses, read with mailparser from an mbox or single .eml files. A DSN's per-recipient
 * block with `Action: failed` and a 5.x.x `Status` is a hard bounce; `delayed` and 4.x.x are
 * not (the server is still trying). An ARF report of `Feedback-Type: abuse` is a complaint about
 * the address in `Original-Rcpt-To`, else the `To` of the returned headers.
 */
import { readFile } from 'node:fs/promises';
import { BadInputError } from '@sitrep/schema/errors';
import { simpleParser } from 'mailparser';

export interface BounceReport {
  email: string;
  reason: 'bounced' | 'complained';
  detail: string;
}

const ADDRESS = /<?([^\s<>@;,]+@[^\s<>@;,]+)>?/;

/** `Name: value` fields of one block, continuation lines folded, names lower-cased. */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  let last = '';
  for (const line of block.split(/\r?\n/)) {
    if (/^\s/.test(line) && last) out.set(last, `${out.get(last)} ${line.trim()}`);
    else {
      const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (m) {
        last = m[1]!.toLowerCase();
        out.set(last, m[2]!.trim());
      }
    }
  }
  return out;
}

/** "rfc822; Gone@example.net" → "gone@example.net" */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const m = ADDRESS.exec(value.includes(';') ? value.slice(value.indexOf(';') + 1) : value);
  return m ? m[1]!.toLowerCase() : null;
}

function fromDeliveryStatus(text: string): BounceReport[] {
  const blocks = text.split(/\r?\n\s*\r?\n/).slice(1); // the first block is per-message
  const out: BounceReport[] = [];
  for (const block of blocks) {
    const f = fields(block);
    const status = f.get('status') ?? '';
    if (f.get('action')?.toLowerCase() !== 'failed' || !status.startsWith('5')) continue;
    const email = addressOf(f.get('original-recipient')) ?? addressOf(f.get('final-recipient'));
    if (email) out.push({ email, reason: 'bounced', detail: f.get('diagnostic-code') ?? status });
  }
  return out;
}

function fromFeedback(report: string, returned: string | null): BounceReport[] {
  const f = fields(report);
  if ((f.get('feedback-type') ?? '').toLowerCase() !== 'abuse') return [];
  const email =
    addressOf(f.get('original-rcpt-to')) ??
    (returned ? addressOf(fields(returned.split(/\r?\n\r?\n/)[0]!).get('to')) : null);
  return email
    ? [
        {
          email,
          reason: 'complained',
          detail: `abuse report from ${f.get('reporting-mta') ?? f.get('user-agent') ?? 'a mailbox provider'}`,
        },
      ]
    : [];
}

/** The addresses one message reports; none for a message that is not a DSN or an ARF report. */
export async function reportsIn(raw: Buffer | string): Promise<BounceReport[]> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true });
  const parts = mail.attachments.map((a) => ({
    type: a.contentType.toLowerCase(),
    text: a.content.toString('utf8'),
  }));
  const out: BounceReport[] = [];
  for (const p of parts) if (p.type === 'message/delivery-status') out.push(...fromDeliveryStatus(p.text));
  const feedback = parts.find((p) => p.type === 'message/feedback-report');
  if (feedback) {
    const returned = parts.find((p) => p.type === 'message/rfc822' || p.type === 'text/rfc822-headers');
    out.push(...fromFeedback(feedback.text, returned?.text ?? null));
  }
  return out;
}

/**
 * The messages of an mbox (each starts with a `From ` line; `>From ` in bodies is unquoted), or
 * the one message of an .eml file.
 */
export function splitMailbox(text: string): string[] {
  if (!text.startsWith('From ')) return [text];
  return text
    .split(/^From .*\r?\n/m)
    .slice(1)
    .map((m) => m.replace(/^>(>*From )/gm, '$1'));
}

export async function readReportFiles(paths: readonly string[]): Promise<BounceReport[]> {
  const out: BounceReport[] = [];
  for (const path of paths) {
    const text = await readFile(path, 'latin1').catch((error: NodeJS.ErrnoException) => {
      throw new BadInputError(
        path,
        `cannot read the mailbox (${error.code ?? error.message}); give an mbox or .eml file`,
      );
    });
    // latin1 keeps every byte as it was: mailparser decodes each part by its own charset.
    for (const message of splitMailbox(text)) out.push(...(await reportsIn(Buffer.from(message, 'latin1'))));
  }
  return out;
}
