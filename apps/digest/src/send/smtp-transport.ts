/** The pooled SMTP transport for a `smtp://` or `smtps://` URL. */
import { ConfigError } from '@sitrep/schema/errors';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export function smtpTransport(url: string, maxConnections: number): Transporter {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('--smtp', `"${url}" is not a URL; give e.g. smtp://localhost:2525`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new ConfigError('--smtp', `"${url}" must start with smtp:// or smtps://`);
  // maxRequeues is a pool option that @types/nodemailer does not declare yet.
  const options: SMTPPool.Options & { maxRequeues: number } = {
    pool: true as const,
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
    maxConnections,
    // The pool would otherwise re-queue a message whose connection closed, at once and forever;
    // send-digest.ts retries it instead, with backoff and a limit.
    maxRequeues: 0,
    // Fail a dead server in seconds, not minutes; the retry policy takes it from there.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  return nodemailer.createTransport(options);
}
