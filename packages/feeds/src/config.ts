import { ConfigError } from '@sitrep/schema/errors';
import { type Env, integerSetting } from '@sitrep/schema/settings';

/** How the watcher behaves on the network; read once by each program that runs it. */
export interface FeedsConfig {
  /** sent with every request, so a site's admin can see who polls and how to reach them */
  userAgent: string;
  /** pause between two requests to the same host */
  hostDelayMs: number;
  /** for one request, headers and body together */
  timeoutMs: number;
  maxRedirects: number;
  /** a feed bigger than this is refused (a news feed is tens of kilobytes) */
  feedBytes: number;
  /** an article page bigger than this is refused (a heavy news page is 1–3 MB) */
  pageBytes: number;
  /** new items read from one feed in one poll; the rest wait for the next */
  maxItemsPerPoll: number;
  /** feeds polled side by side (requests to one host still go one at a time) */
  concurrency: number;
}

export const DEFAULT_USER_AGENT = 'Sitrep/0.1 (conflict-news monitor; feed reader)';

export function defaultFeedsConfig(): FeedsConfig {
  return {
    userAgent: DEFAULT_USER_AGENT,
    hostDelayMs: 1_000,
    timeoutMs: 20_000,
    maxRedirects: 5,
    feedBytes: 10 * 1048576,
    pageBytes: 5 * 1048576,
    maxItemsPerPoll: 100,
    concurrency: 4,
  };
}

/**
 * `SITREP_FEEDS_USER_AGENT` (say who runs this Sitrep and how to reach them, e.g.
 * "Sitrep/0.1 (+https://desk.example/contact)"), `SITREP_FEEDS_HOST_DELAY_MS` (default 1000) and
 * `SITREP_FEEDS_TIMEOUT_MS` (default 20000). The only place the package reads `process.env`.
 */
export function loadFeedsConfig(env: Env = process.env): FeedsConfig {
  const config = defaultFeedsConfig();
  const agent = env.SITREP_FEEDS_USER_AGENT?.trim();
  if (agent) {
    if (!/sitrep/i.test(agent))
      throw new ConfigError(
        'SITREP_FEEDS_USER_AGENT',
        `"${agent}" does not name Sitrep; sites should see who polls them — write e.g. "Sitrep/0.1 (+https://your.desk/contact)".`,
      );
    config.userAgent = agent;
  }
  config.hostDelayMs = integerSetting(env, 'SITREP_FEEDS_HOST_DELAY_MS', config.hostDelayMs, 0, 60_000);
  config.timeoutMs = integerSetting(env, 'SITREP_FEEDS_TIMEOUT_MS', config.timeoutMs, 100, 300_000);
  return config;
}
