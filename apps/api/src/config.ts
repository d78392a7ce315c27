import { type FeedsConfig, loadFeedsConfig } from '@sitrep/feeds/config';
import { type IngestConfig, loadIngestConfig } from '@sitrep/ingest/config';
import { loadMailingListConfig, type MailingListConfig } from '@sitrep/mailing-list/config';
import { ConfigError } from '@sitrep/schema/errors';
import { type Env, integerSetting, switchSetting } from '@sitrep/schema/settings';
import { loadStoreConfig, type StoreConfig } from '@sitrep/store/config';

export interface ApiConfig {
  port: number;
  host: string;
  /** where the store lives: an embedded SQLite file, or a PostgreSQL server shared by many API processes */
  database: StoreConfig;
  /** `ingestArticle`'s pipeline settings: the longest article text accepted */
  ingest: IngestConfig;
  /** how `sitrep serve --watch` polls the feeds (SITREP_FEEDS_*, read by @sitrep/feeds) */
  feeds: FeedsConfig;
  /** keys allowed to call mutations; empty means no mutation is allowed */
  apiKeys: readonly string[];
  /** shared response cache and subscription fan-out across processes; null keeps both in memory */
  redisUrl: string | null;
  /** namespace for Redis keys and channels, so deployments (and test runs) sharing a Redis stay apart */
  redisPrefix: string;
  production: boolean;
  /** introspection and GraphiQL: on in development, off in production unless SITREP_INTROSPECTION=true */
  introspection: boolean;
  /** origins allowed by CORS; `*` allows any, empty sends no CORS headers */
  corsOrigins: readonly string[];
  maxBodyBytes: number;
  responseCache: boolean;
  /** seconds a cached answer lives when no mutation invalidates it first */
  responseCacheTtlSeconds: number;
  /** the digest's sign-up, confirmation, unsubscribe and preference pages (SITREP_PUBLIC_URL, SITREP_DIGEST_SECRET, SITREP_SMTP_URL…) */
  mailingList: MailingListConfig;
}

/** Overrides a person gives on the command line (`sitrep serve --port 5000`) win over the environment. */
export interface ConfigOverrides {
  port?: number;
}

/**
 * The only place the API reads `process.env`; every bad value is rejected with what to write
 * instead. The database and ingest settings are read by the store's and the pipeline's own
 * readers, so `sitrep serve` and `sitrep ingest` understand the same variables the same way.
 */
export function readConfig(env: Env = process.env, overrides: ConfigOverrides = {}): ApiConfig {
  const production = env.NODE_ENV === 'production';
  const port = overrides.port ?? integerSetting(env, 'PORT', 4000, 0, 65535);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    database: loadStoreConfig(env),
    ingest: loadIngestConfig(env),
    feeds: loadFeedsConfig(env),
    apiKeys: list(env.SITREP_API_KEYS),
    redisUrl: env.REDIS_URL ? redisUrl(env.REDIS_URL) : null,
    redisPrefix: env.SITREP_REDIS_PREFIX || 'sitrep:',
    production,
    introspection: switchSetting(env, 'SITREP_INTROSPECTION', !production),
    corsOrigins: list(env.SITREP_CORS_ORIGINS ?? (production ? '' : '*')),
    maxBodyBytes: integerSetting(env, 'SITREP_MAX_BODY_BYTES', 1_000_000, 1, 100_000_000),
    responseCache: switchSetting(env, 'SITREP_RESPONSE_CACHE', true),
    responseCacheTtlSeconds: integerSetting(env, 'SITREP_RESPONSE_CACHE_TTL', 300, 1, 86_400),
    mailingList: loadMailingListConfig(env),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function redisUrl(raw: string): string {
  if (!/^rediss?:\/\//.test(raw))
    throw new ConfigError('REDIS_URL', `"${raw}" is not a Redis URL; write redis://127.0.0.1:6379.`);
  return raw;
}
