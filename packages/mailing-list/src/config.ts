/**
 * The mailing list's settings, read from the environment by the programs that serve or send it
 * (the API's and the digest's config modules call this; nothing else here reads `process.env`).
 * The variables are the digest's own, so the links it signs are the links the API checks.
 */
import { ConfigError } from '@sitrep/schema/errors';
import { type Env, integerSetting } from '@sitrep/schema/settings';

export interface MailingListConfig {
  /** base of the list's pages: `/subscribe`, `/confirm`, `/unsubscribe`, `/preferences` */
  publicUrl: string;
  /**
   * HMAC key of every signed link (SITREP_DIGEST_SECRET). In production without one it is
   * null and the list is off: no pages, no sign-up (an API that serves no digest needs none).
   */
  linkSecret: string | null;
  /** From of the confirmation email */
  from: string;
  /** where confirmation emails go out; null: sign-up is refused with a message saying so */
  smtpUrl: string | null;
  /** how long a confirmation link works */
  confirmHours: number;
}

export const DEVELOPMENT_SECRET = 'sitrep-development-link-secret';

function url(name: string, value: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; give e.g. ${protocols[0]}//host`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(name, `"${value}" must start with ${protocols.join(' or ')}//`);
  return value.replace(/\/$/, '');
}

export function loadMailingListConfig(env: Env): MailingListConfig {
  const secret = env['SITREP_DIGEST_SECRET'] || null;
  const production = env['NODE_ENV'] === 'production';
  return {
    publicUrl: url('SITREP_PUBLIC_URL', env['SITREP_PUBLIC_URL'] ?? 'https://sitrep.example.org', [
      'https:',
      'http:',
    ]),
    linkSecret: secret ?? (production ? null : DEVELOPMENT_SECRET),
    from: env['SITREP_DIGEST_FROM'] ?? 'Sitrep <digest@sitrep.example.org>',
    smtpUrl: env['SITREP_SMTP_URL']
      ? url('SITREP_SMTP_URL', env['SITREP_SMTP_URL'], ['smtp:', 'smtps:'])
      : null,
    confirmHours: integerSetting(env, 'SITREP_CONFIRM_HOURS', 48, 1, 24 * 30),
  };
}
