import { OutletKind } from '@sitrep/schema/outlet';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { enumFrom } from '../enum-from.ts';
import { cachedByIds } from '../page-args.ts';

export const OutletKindEnum = enumFrom(
  'OutletKind',
  'What sort of publisher: wire agency, broadcaster...',
  OutletKind.options,
);

export const OutletNode = builder.loadableNode('Outlet', {
  description: 'A publisher or news agency.',
  id: { resolve: (outlet) => outlet.id },
  load: (ids: string[], ctx: SitrepContext) =>
    cachedByIds(ctx, 'outlet', ids, (missing) => ctx.store.outletsByIds(missing)),
  sort: (outlet) => outlet.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: "The curated list's own id, e.g. `reuters`." }),
    name: t.exposeString('name', { description: 'The name it publishes under.' }),
    kind: t.expose('kind', { type: OutletKindEnum, description: 'What sort of publisher it is.' }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 country of the publisher.',
    }),
    url: t.exposeString('url', { nullable: true, description: 'Its home page.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names it is credited under.' }),
  }),
});

builder.queryFields((t) => ({
  outlets: t.field({
    type: [OutletNode],
    description: 'Every known outlet.',
    complexity: { field: 1, multiplier: 20 },
    resolve: (_root, _args, ctx) => ctx.store.listOutlets(),
  }),
}));
