import { type FeedsConfig, loadFeedsConfig } from '@sitrep/feeds/config';
import { type IngestConfig, loadIngestConfig } from '@sitrep/ingest/config';
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
