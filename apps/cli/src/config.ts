import { type FeedsConfig, loadFeedsConfig } from '@sitrep/feeds/config';
import { type IngestConfig, loadIngestConfig } from '@sitrep/ingest/config';
import { ConfigError } from '@sitrep/schema/errors';
import { urlSetting } from '@sitrep/schema/settings';
import type { StoreConfig } from '@sitrep/store/config';
import { loadStoreConfig } from '@sitrep/store/config';

export interface CliConfig {
  store: StoreConfig;
  ingest: IngestConfig;
  /** how `sitrep watch` polls (SITREP_FEEDS_*) */
  feeds: FeedsConfig;
  /**
   * REDIS_URL and SITREP_REDIS_PREFIX, as the API reads them: where `sitrep watch` announces new
   * events to the subscribers of API processes; null without Redis
   */
  redis: { url: string; prefix: string } | null;
}

/** What a person can override on the command line; the rest comes from the environment. */
export interface CliOverrides {
  /** `--db FILE`: this SQLite file, whatever DATABASE_URL or SITREP_DB say */
  db?: string | undefined;
}

/**
 * The settings of the commands that run in this process (`extract`, `ingest`, `recluster`, `feeds`, `watch`), read
 * from the environment through the store's and the pipeline's own readers — the only place the
 * command line reads `process.env`. `serve` and `digest` run as programs of their own and read
 * theirs.
 */
export function readCliConfig(
  overrides: CliOverrides = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliConfig {
  return {
    store: overrides.db ? { engine: 'sqlite', file: overrides.db } : loadStoreConfig(env),
    ingest: loadIngestConfig(env),
    feeds: loadFeedsConfig(env),
    redis: env.REDIS_URL?.trim()
      ? {
          url: urlSetting('REDIS_URL', env.REDIS_URL.trim(), ['redis:', 'rediss:']),
          prefix: env.SITREP_REDIS_PREFIX || 'sitrep:',
        }
      : null,
  };
}

/**
 * SITREP_THREADS: how many threads `sitrep extract` may use (1 forces one); null when unset.
 * A value that is not a whole number from 1 up is refused, naming the setting.
 */
export function readExtractThreads(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number | null {
  const value = env.SITREP_THREADS?.trim();
  if (!value) return null;
  const threads = threadCount(value);
  if (threads === null)
    throw new ConfigError(
      'SITREP_THREADS',
      `"${value}" is not a whole number from 1 up; use 1 for one thread, or unset it to let sitrep choose`,
    );
  return threads;
}

/** "2" → 2; anything but a whole number from 1 up → null */
export function threadCount(value: string): number | null {
  return /^[1-9]\d{0,2}$/.test(value) ? Number(value) : null;
}
