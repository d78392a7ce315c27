import { createRedisCache } from '@envelop/response-cache-redis';
import { type Cache, createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { type EventBatch, type EventBus, eventsChannel } from '@sitrep/graphql/context';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

/**
 * State that API processes must agree on: the response cache and the subscription fan-out.
 * Without Redis both live in this process; with it, every process reads the same cache and
 * hears every other process's new events, so two processes behave as one.
 *
 * Invalidation is by generation: cache keys start with a number that an ingest bumps (INCR in
 * Redis, announced on the same pub/sub), so one change drops every cached answer everywhere.
 * Entity-based invalidation cannot do that here: a new event is in no cached answer yet, and
 * the answers it belongs in (lists, counts, timelines) name no entity to invalidate.
 */
export interface SharedState {
  events: EventBus;
  cache: Cache;
  /** the current cache generation; part of every cache key */
  generation(): number;
  /** Drops every cached answer, in every process. */
  invalidate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type Topics = { [topic: string]: [EventBatch | number] };

export async function createSharedState(options: {
  redisUrl: string | null;
  prefix: string;
}): Promise<SharedState> {
  const eventsTopic = eventsChannel(options.prefix);
  const generationTopic = `${options.prefix}cache:generation`;
  let generation = 0;
  if (!options.redisUrl) {
    const pubSub = createPubSub<Topics>();
    return {
      events: eventBus(pubSub, eventsTopic),
      cache: createInMemoryCache(),
      generation: () => generation,
      invalidate: async () => {
        generation += 1;
      },
      ping: async () => {},
      close: async () => {},
    };
  }
  // A subscribed Redis connection can do nothing else, hence a client per role.
  const publishClient = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const cacheClient = new Redis(options.redisUrl, {
    keyPrefix: `${options.prefix}cache:`,
    maxRetriesPerRequest: 2,
  });
  const pubSub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  const counterKey = `${options.prefix}cache-generation`;
  generation = Number(await publishClient.get(counterKey)) || 0;
  const heard = pubSub.subscribe(generationTopic);
  void (async () => {
    for await (const g of heard) if (typeof g === 'number' && g > generation) generation = g;
  })();
  return {
    events: eventBus(pubSub, eventsTopic),
    cache: createRedisCache({ redis: cacheClient }) as Cache,
    generation: () => generation,
    invalidate: async () => {
      generation = Math.max(generation + 1, await publishClient.incr(counterKey));
      await pubSub.publish(generationTopic, generation);
    },
    ping: async () => {
      await publishClient.ping();
    },
    close: async () => {
      await heard.return?.();
      await Promise.all([publishClient.quit(), subscribeClient.quit(), cacheClient.quit()]);
    },
  };
}

function eventBus(pubSub: ReturnType<typeof createPubSub<Topics>>, topic: string): EventBus {
  return {
    publish: (batch) => pubSub.publish(topic, batch),
    subscribe: () => filterBatches(pubSub.subscribe(topic)),
  };
}

async function* filterBatches(source: AsyncIterable<EventBatch | number>): AsyncGenerator<EventBatch> {
  for await (const item of source) if (typeof item === 'object') yield item;
}
