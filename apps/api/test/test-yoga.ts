import type { SitrepStore } from '@sitrep/store/store';
import type { YogaLogger } from 'graphql-yoga';
import { type ApiConfig, readConfig } from '../src/config.ts';
import { createSharedState } from '../src/shared-state.ts';
import { createSitrepYoga } from '../src/yoga.ts';

export const API_KEY = 'test-key-1';

/** The real yoga factory over a store, configured as the environment `env` would configure it. */
export async function testYoga(store: SitrepStore, env: Record<string, string> = {}, logger?: YogaLogger) {
  const config: ApiConfig = readConfig({ SITREP_API_KEYS: API_KEY, ...env });
  const shared = await createSharedState({ redisUrl: null, prefix: 'test:' });
  return createSitrepYoga({
    config,
    store,
    events: shared.events,
    cache: config.responseCache ? shared.cache : null,
    invalidate: shared.invalidate,
    generation: shared.generation,
    ...(logger ? { logger } : {}),
  });
}

/** A JSON POST, what every GraphQL client sends. */
export function post(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return [
    'http://sitrep.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    },
  ] as const;
}
