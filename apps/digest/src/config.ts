/**
 * The digest's settings: the only module of the program that reads `process.env`. Flags a
 * person would pass on the command line override the environment in `cli/parse-args.ts`.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '@sitrep/schema/errors';
import { integerSetting, urlSetting } from '@sitrep/schema/settings';

export interface DkimConfig {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface DigestConfig {
  /** smtp://host:port or smtps://user:pass@host:port */
  smtpUrl: string | null;
  /** "Sitrep <digest@sitrep.example.org>" */
  from: string;
  /** public base URL for links in the email (archive, unsubscribe, preferences), absolute https */
  publicUrl: string;
  /** the mailbox that takes mailto: unsubscribes */
  unsubscribeMailto: string;
  /** HMAC secret for the unsubscribe and preference tokens */
  linkSecret: string;
  dkim: DkimConfig | null;
  /** remote Sitrep GraphQL endpoint; null runs the operations in-process */
  apiUrl: string | null;
  previewPort: number;
}

type Env = Record<string, string | undefined>;

function dkimFrom(env: Env): DkimConfig | null {
  const keyPath = env['SITREP_DKIM_KEY'];
  if (!keyPath) return null;
  const domainName = env['SITREP_DKIM_DOMAIN'];
  const keySelector = env['SITREP_DKIM_SELECTOR'];
  if (!domainName || !keySelector)
    throw new ConfigError(
      'SITREP_DKIM_KEY',
      'set SITREP_DKIM_DOMAIN and SITREP_DKIM_SELECTOR along with the key',
    );
  let privateKey: string;
  try {
    privateKey = readFileSync(keyPath, 'utf8');
  } catch {
    throw new ConfigError('SITREP_DKIM_KEY', `cannot read the private key at ${keyPath}`);
  }
  if (!privateKey.includes('PRIVATE KEY'))
    throw new ConfigError('SITREP_DKIM_KEY', `${keyPath} is not a PEM private key`);
  return { domainName, keySelector, privateKey };
}

export function loadConfig(env: Env = process.env): DigestConfig {
  const from = env['SITREP_DIGEST_FROM'] ?? 'Sitrep <digest@sitrep.example.org>';
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1];
  if (!fromDomain)
    throw new ConfigError('SITREP_DIGEST_FROM', `"${from}" has no address; use "Name <user@domain>"`);
  const port = integerSetting(env, 'SITREP_DIGEST_PORT', 4001, 0, 65535);
  const secret = env['SITREP_DIGEST_SECRET'];
  if (!secret && env['NODE_ENV'] === 'production')
    throw new ConfigError('SITREP_DIGEST_SECRET', 'set a random secret for unsubscribe links in production');
  return {
    smtpUrl: env['SITREP_SMTP_URL']
      ? urlSetting('SITREP_SMTP_URL', env['SITREP_SMTP_URL'], ['smtp:', 'smtps:'])
      : null,
    from,
    publicUrl: urlSetting('SITREP_PUBLIC_URL', env['SITREP_PUBLIC_URL'] ?? 'https://sitrep.example.org', [
      'https:',
      'http:',
    ]),
    unsubscribeMailto: env['SITREP_UNSUBSCRIBE_MAILTO'] ?? `unsubscribe@${fromDomain}`,
    linkSecret: secret ?? 'sitrep-development-link-secret',
    dkim: dkimFrom(env),
    apiUrl: env['SITREP_API_URL']
      ? urlSetting('SITREP_API_URL', env['SITREP_API_URL'], ['http:', 'https:'])
      : null,
    previewPort: port,
  };
}
