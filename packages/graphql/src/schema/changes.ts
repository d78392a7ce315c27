import type { CanonicalChange, ChangesPage } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { CanonicalEventNode } from './canonical-event.ts';

const CanonicalChangeKindEnum = builder.enumType('CanonicalChangeKind', {
  description: 'What a clustering step did to a canonical event.',
  values: {
    CREATED: {
      value: 'created',
      description: 'A new canonical event (reports of an event not seen before).',
    },
    UPDATED: {
      value: 'updated',
      description: 'Reports joined or left it (or their merge added to it); it keeps its id.',
    },
    MERGED: {
      value: 'merged',
      description:
        'Judged the same event as another: its reports are now under `mergedIntoSlug`, the older of the two ids, and this id is retired.',
    },
    REMOVED: {
      value: 'removed',
      description: 'Every report of it is gone (articles changed or were removed).',
    },
  } as const,
});

const CanonicalEventChange = builder.objectRef<CanonicalChange>('CanonicalEventChange').implement({
  description: 'One change to one canonical event, as the change feed records it.',
  fields: (t) => ({
    kind: t.expose('kind', { type: CanonicalChangeKindEnum, description: 'What happened to it.' }),
    slug: t.exposeString('canonicalId', {
      description: 'The canonical event’s store id (`cev_…`), as `CanonicalEvent.slug` gives it.',
    }),
    mergedIntoSlug: t.exposeString('mergedInto', {
      nullable: true,
      description: 'For MERGED: the store id of the event that holds its reports now.',
    }),
    changedAt: t.exposeString('changedAt', { description: 'When the change was committed (ISO 8601, UTC).' }),
    event: t.field({
      type: CanonicalEventNode,
      nullable: true,
      description:
        'For CREATED and UPDATED: the event as it is now; null once a later change merged or removed it (that change follows in the feed).',
      resolve: (c) => c.event,
    }),
  }),
});

const CanonicalEventChangeEdge = builder
  .objectRef<ChangesPage['edges'][number]>('CanonicalEventChangeEdge')
  .implement({
    description: 'A change and its place in the feed.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description:
          'Opaque, and stable across restarts and API processes: pass it as `after` to read what came later.',
      }),
      node: t.field({ type: CanonicalEventChange, description: 'The change.', resolve: (e) => e.node }),
    }),
  });

const CanonicalEventChangePage = builder.objectRef<ChangesPage>('CanonicalEventChangePage').implement({
  description: 'A page of the change feed, in commit order.',
  fields: (t) => ({
    edges: t.field({
      type: [CanonicalEventChangeEdge],
      description: 'The changes, oldest first.',
      resolve: (p) => p.edges,
    }),
    hasNextPage: t.boolean({
      description: 'Whether more changes follow this page (ask again with `after: endCursor`).',
      resolve: (p) => p.pageInfo.hasNextPage,
    }),
    endCursor: t.string({
      nullable: true,
      description:
        'The cursor to store: the last change’s, or the `after` given when nothing changed since (null only when the feed is empty).',
      resolve: (p) => p.pageInfo.endCursor,
    }),
  }),
});

builder.queryFields((t) => ({
  changes: t.field({
    type: CanonicalEventChangePage,
    description:
      'The change feed over canonical events: created, updated (reports joined or left; the id stays), merged (the older id survives) and removed, in commit order. Store `endCursor` and ask again with `after:` to get exactly what changed since.',
    args: {
      after: t.arg.string({ description: 'A cursor from an earlier page; none: from the first change.' }),
      first: t.arg.int({ defaultValue: 100, description: 'How many changes, 0 to 500 (default 100).' }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 100 }),
    resolve: (_root, args, ctx) => ctx.store.changes({ after: args.after ?? null, first: args.first ?? 100 }),
  }),
}));

builder.subscriptionFields((t) => ({
  canonicalEventChanged: t.field({
    type: CanonicalEventChange,
    description:
      'Changes to canonical events from now on (from any API process or `sitrep watch`), as `changes` records them: what ingesting an article did to the events its reports joined, merged or left.',
    subscribe: (_root, _args, ctx) => changesFromNow(ctx),
    resolve: (change) => change,
  }),
}));

/**
 * Each published batch means an article was stored and clustered; the feed says what that (and
 * anything else since) changed. Reading the feed rather than the batch keeps the subscription
 * exactly what `changes` gives, across processes.
 */
async function* changesFromNow(ctx: SitrepContext): AsyncGenerator<CanonicalChange> {
  let cursor = await ctx.store.changesCursor();
  for await (const _batch of ctx.events.subscribe()) {
    for (;;) {
      const page = await ctx.store.changes({ after: cursor, first: 100 });
      for (const edge of page.edges) yield edge.node;
      cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
  }
}
