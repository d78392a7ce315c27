/**
 * Which SMTP failures are worth another try. A 4xx reply is the server saying "not now"
 * (greylisting, rate limits, a full queue) and a dropped or timed-out connection says nothing
 * about the message: both are retried with exponential backoff. A 5xx reply is final — the
 * mailbox does not exist, the message is refused — and retrying it only hurts the sender's
 * reputation, so it is reported instead.
 */

/** nodemailer's error codes for a connection that failed or went away mid-transaction */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
]);

export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  /** the SMTP command the server refused, e.g. "RCPT TO" */
  command?: string;
  message: string;
}

/**
 * A 5xx that says the address itself is bad: the server refused the recipient (RCPT TO), or
 * the reply's enhanced status is 5.1.x (bad mailbox or domain, RFC 3463). Such an address is
 * suppressed. A 5xx for the message (554 5.7.1 content refused at DATA) is not: one refused
 * issue says nothing about the reader, and suppressing on it would wipe a provider's readers.
 */
export function isHardBounce(error: SmtpFailure): boolean {
  if (typeof error.responseCode !== 'number' || error.responseCode < 500 || error.responseCode > 599)
    return false;
  if (error.command && /^RCPT/i.test(error.command)) return true;
  return /(^|\s)5\.1\.\d{1,3}(\s|$)/.test(error.response ?? error.message);
}

export type Verdict = 'retry' | 'final';

export function classify(error: SmtpFailure): Verdict {
  if (typeof error.responseCode === 'number')
    return error.responseCode >= 400 && error.responseCode < 500 ? 'retry' : 'final';
  if (error.code && TRANSIENT_CODES.has(error.code)) return 'retry';
  // nodemailer's pool reports a connection closed mid-message (with maxRequeues: 0) without a code.
  if (/connection was closed/i.test(error.message)) return 'retry';
  return 'final';
}

export interface Backoff {
  /** attempts in all, the first included */
  attempts: number;
  /** delay before the second attempt; each later one doubles, with ±20 % jitter so retries do not march in step */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { attempts: 5, baseMs: 1_000, maxMs: 60_000 };

export function delayBefore(attempt: number, b: Backoff, random = Math.random): number {
  const raw = Math.min(b.maxMs, b.baseMs * 2 ** (attempt - 2));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** A one-line description for the send log and the report: "550 5.1.1 no such user" or "ECONNECTION: …". */
export function describe(error: SmtpFailure): string {
  if (error.response) return error.response;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}
