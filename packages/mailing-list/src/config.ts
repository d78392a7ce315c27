/**
 * The mailing list's settings, read from the environment by the programs that serve or send it
 * (the API's and the digest's config modules call this; nothing else here reads `process.env`).
 * The variables are the digest's own, so the links it signs are the links the API checks.
 */
import { type Env, integerSetting, urlSetting } from '@sitrep/schema/settings';

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

export function loadMailingListConfig(env: Env): MailingListConfig {
  const secret = env['SITREP_DIGEST_SECRET'] || null;
  const production = env['NODE_ENV'] === 'production';
  return {
    publicUrl: urlSetting('SITREP_PUBLIC_URL', env['SITREP_PUBLIC_URL'] ?? 'https://sitrep.example.org', [
      'https:',
      'http:',
    ]),
    linkSecret: secret ?? (production ? null : DEVELOPMENT_SECRET),
    from: env['SITREP_DIGEST_FROM'] ?? 'Sitrep <digest@sitrep.example.org>',
    smtpUrl: env['SITREP_SMTP_URL']
      ? urlSetting('SITREP_SMTP_URL', env['SITREP_SMTP_URL'], ['smtp:', 'smtps:'])
      : null,
    confirmHours: integerSetting(env, 'SITREP_CONFIRM_HOURS', 48, 1, 24 * 30),
  };
}
