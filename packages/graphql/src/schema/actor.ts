import { ActorKind } from '@sitrep/schema/actor';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { enumFrom } from '../enum-from.ts';
import { cachedByIds, listLimit } from '../page-args.ts';
import { searchText } from '../search-text.ts';

export const ActorKindEnum = enumFrom(
  'ActorKind',
  'What sort of actor: a person, a state, an armed group...',
  ActorKind.options,
);

export const ActorNode = builder.loadableNode('Actor', {
  description: 'Anyone who acts or speaks in a report: a minister, a rebel group, a state, the UN.',
  id: { resolve: (actor) => actor.id },
  load: (ids: string[], ctx: SitrepContext) =>
    cachedByIds(ctx, 'actor', ids, (missing) => ctx.store.actorsByIds(missing)),
  sort: (actor) => actor.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: "The curated list's own id, e.g. `sohr`." }),
    name: t.exposeString('name', { description: 'The usual English name.' }),
    kind: t.expose('kind', { type: ActorKindEnum, description: 'What sort of actor this is.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings and names the text may use.' }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'A person’s title, e.g. "Foreign Minister".',
    }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' }),
  }),
});

builder.objectFields(ActorNode, (t) => ({
  affiliation: t.field({
    type: ActorNode,
    nullable: true,
    description: 'The actor this one belongs to or speaks for (a minister’s state).',
    resolve: (a) => a.affiliation,
  }),
}));

builder.queryFields((t) => ({
  actors: t.field({
    type: [ActorNode],
    description: 'Known actors, by any part of a name or alias.',
    args: {
      search: t.arg.string({ description: 'Part of a name or alias, any case.' }),
      first: t.arg.int({ defaultValue: 50, description: 'How many, 1 to 100.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 50 }),
    resolve: (_root, args, ctx) =>
      ctx.store.listActors({
        ...(args.search ? { search: searchText('search', args.search) } : {}),
        first: listLimit(args.first, 50),
      }),
  }),
}));
