import { createContextCache } from '@pothos/core';
import type { EventFilter } from '@sitrep/store/store';
import DataLoader from 'dataloader';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { localId } from '../local-id.ts';
import { cachedEventRecords, pageArgs, pageCost } from '../page-args.ts';
import { ArticleNode } from './article.ts';
import { EventNode } from './event.ts';
import { EventFilterInput, toStoreFilter } from './event-filter.ts';
import { FacetsRef, facetsOf } from './facets.ts';

export const EventOrderEnum = builder.enumType('EventOrder', {
  description: 'How to sort events.',
  values: {
    DATE_DESC: { description: 'Most recent first (undated last).' },
    DATE_ASC: { description: 'Oldest first.' },
    SEVERITY: { description: 'Most killed first.' },
  },
});

const eventsForArticle = createContextCache(
  (ctx: SitrepContext) => new DataLoader((ids: readonly string[]) => ctx.store.eventsForArticles(ids)),
);

builder.objectField(ArticleNode, 'events', (t) =>
  t.field({
    type: [EventNode],
    description: 'The events the article reports.',
    resolve: (a, _args, ctx) => eventsForArticle(ctx).load(a.id),
  }),
);

builder.queryFields((t) => ({
  event: t.field({
    type: EventNode,
    nullable: true,
    description: 'One event by global ID or store id (`evt_…`); null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Global ID or store id.' }) },
    resolve: (_root, args) => localId(args.id, 'Event'),
  }),
  events: t.connection(
    {
      type: EventNode,
      description: 'Events matching a filter, most recent first unless ordered otherwise, 1 to 100 per page.',
      args: {
        filter: t.arg({ type: EventFilterInput, description: 'Which events.' }),
        orderBy: t.arg({ type: EventOrderEnum, description: 'Sort order; most recent first by default.' }),
      },
      complexity: pageCost,
      resolve: async (_root, args, ctx, info) => {
        const filter = await toStoreFilter(args.filter, ctx);
        const page = await ctx.store.listEvents(
          filter,
          pageArgs(args, args.orderBy, info),
          cachedEventRecords(ctx),
        );
        return { edges: page.edges, pageInfo: page.pageInfo, totalCount: page.totalCount, filter };
      },
    },
    {
      name: 'EventConnection',
      description: 'A page of events with the total count.',
      fields: (t) => ({
        facets: t.field({
          type: FacetsRef,
          description: 'Counts per kind and per country for the whole filter (not the page).',
          resolve: async (connection, _args, ctx) =>
            facetsOf(ctx.store, await ctx.store.eventFacets((connection as { filter?: EventFilter }).filter)),
        }),
      }),
    },
    { name: 'EventEdge', description: 'One event in a page, with its cursor.' },
  ),
}));
