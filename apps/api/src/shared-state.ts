import { createRedisCache } from '@envelop/response-cache-redis';
import { type Cache, createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { EventBatch, EventBus } from '@sitrep/graphql/context';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

/**
 * State that API processes must agree on: the response cache and the subscription fan-out.
 * Without Redis both live in this process; with it, every process reads the same cache and
 * hears every other process's new events, so two processes behave as one.
 */
export interface SharedState {
  events: EventBus;
  cache: Cache;
  /** Drops cached answers that a data change may have made stale, in every process. */
  invalidate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Types whose cached answers an ingest can change; lists without ids are caught through these. */
const CHANGED_BY_INGEST = [
  'Event',
  'Article',
  'Claim',
  'EventConnection',
  'ArticleConnection',
  'SearchHit',
  'TimelinePeriod',
];

export function createSharedState(options: { redisUrl: string | null; prefix: string }): SharedState {
  const topic = `${options.prefix}events:added`;
  if (!options.redisUrl) {
    const pubSub = createPubSub<Record<string, [EventBatch]>>();
    const cache = createInMemoryCache();
    return {
      events: eventBus(pubSub, topic),
      cache,
      invalidate: async () => cache.invalidate(CHANGED_BY_INGEST.map((typename) => ({ typename }))),
      ping: async () => {},
      close: async () => {},
    };
  }
  // A subscribed Redis connection can do nothing else, hence three clients.
  const publishClient = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const cacheClient = new Redis(options.redisUrl, {
    keyPrefix: `${options.prefix}cache:`,
    maxRetriesPerRequest: 2,
  });
  const pubSub = createPubSub<Record<string, [EventBatch]>>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  const cache = createRedisCache({ redis: cacheClient }) as Cache;
  return {
    events: eventBus(pubSub, topic),
    cache,
    invalidate: async () => {
      await cache.invalidate(CHANGED_BY_INGEST.map((typename) => ({ typename })));
    },
    ping: async () => {
      await publishClient.ping();
    },
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit(), cacheClient.quit()]);
    },
  };
}

function eventBus(
  pubSub: ReturnType<typeof createPubSub<Record<string, [EventBatch]>>>,
  topic: string,
): EventBus {
  return {
    publish: (batch) => pubSub.publish(topic, batch),
    subscribe: () => pubSub.subscribe(topic),
  };
}
