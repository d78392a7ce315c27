import type { Event } from '@sitrep/schema/event';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { EventNode } from './event.ts';
import { EventFilterInput, toStoreFilter } from './event-filter.ts';

builder.subscriptionFields((t) => ({
  eventAdded: t.field({
    type: EventNode,
    description:
      'Events as they are ingested (from any API process), optionally only those matching a filter.',
    args: { filter: t.arg({ type: EventFilterInput, description: 'Which events to hear about.' }) },
    subscribe: async (_root, args, ctx) => matchingEvents(ctx, await toStoreFilter(args.filter, ctx)),
    resolve: (event) => event,
  }),
}));

/**
 * Each published batch is one article's new events; the store applies the filter to them, so a
 * subscription matches exactly what `events(filter:)` would return (places inside places included).
 */
async function* matchingEvents(
  ctx: SitrepContext,
  filter: Awaited<ReturnType<typeof toStoreFilter>>,
): AsyncGenerator<Event> {
  for await (const batch of ctx.events.subscribe()) {
    const page = await ctx.store.listEvents(
      { ...filter, articleId: batch.articleId },
      { first: 100, withTotal: false },
    );
    const wanted = new Set(batch.eventIds);
    for (const edge of page.edges) if (wanted.has(edge.node.id)) yield edge.node;
  }
}
