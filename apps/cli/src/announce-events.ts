import { type EventBatch, eventsChannel } from '@sitrep/graphql/context';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { Redis } from 'ioredis';

/**
 * Tells the subscribers of API processes what `sitrep watch` stored, when it runs in a process of
 * its own: each article's events are published on the deployment's Redis events channel, which
 * every `sitrep serve` with the same REDIS_URL and prefix listens on (its cached answers are
 * dropped anyway, through the store's change watch). Announcing is at-least-once and best
 * effort: a Redis that cannot be reached costs a warning, never the articles.
 */
export interface EventAnnouncer {
  /** keeps a stored article's events for the next `flush` */
  take(record: ExtractedArticle): void;
  /** publishes what was taken since the last flush; call after the articles are stored */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function redisAnnouncer(
  redis: { url: string; prefix: string },
  warn: (line: string) => void,
): EventAnnouncer {
  const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => {}); // each failed publish is reported below
  let pending: EventBatch[] = [];
  return {
    take(record) {
      if (record.events.length)
        pending.push({ articleId: record.id, eventIds: record.events.map((e) => e.id) });
    },
    async flush() {
      const batches = pending;
      pending = [];
      try {
        for (const batch of batches) await client.publish(eventsChannel(redis.prefix), JSON.stringify(batch));
      } catch (error) {
        warn(
          `could not tell subscribers through Redis (${(error as Error).message}); the articles are stored`,
        );
      }
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
