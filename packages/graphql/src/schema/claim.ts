import { createContextCache } from '@pothos/core';
import { type Claim, ClaimKind } from '@sitrep/schema/claim';
import type { EntityRef } from '@sitrep/schema/primitives';
import { Measure, PersonGroup, Qualifier, type Quantity } from '@sitrep/schema/quantity';
import DataLoader from 'dataloader';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { enumFrom } from '../enum-from.ts';
import { present } from '../page-args.ts';
import { ActorNode } from './actor.ts';
import { ArticleNode } from './article.ts';

const ClaimKindEnum = enumFrom(
  'ClaimKind',
  'How a statement is made: quoted, reported, a figure...',
  ClaimKind.options,
);
export const StanceEnum = enumFrom('Stance', 'Whether the speaker asserts or denies the statement.', [
  'assert',
  'deny',
] as const);
export const MeasureEnum = enumFrom(
  'Measure',
  'What a number counts (killed, displaced, strikes...).',
  Measure.options,
);
export const PersonGroupEnum = enumFrom('PersonGroup', 'Who or what is counted.', PersonGroup.options);
export const QualifierEnum = enumFrom(
  'Qualifier',
  'How the text hedges a number ("at least", "about"...).',
  Qualifier.options,
);

export const Span = builder.objectRef<{ start: number; end: number }>('Span').implement({
  description: 'UTF-16 offsets [start, end) into the original article text.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'First character.' }),
    end: t.exposeInt('end', { description: 'One past the last character.' }),
  }),
});

/** An actor as the text named them, resolved to a known actor when Sitrep knows who it is. */
export const ActorMention = builder.objectRef<EntityRef>('ActorMention').implement({
  description: 'An actor as the text names them, with the known actor when resolved.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The words the text uses.' }),
    actor: t.field({
      type: ActorNode,
      nullable: true,
      description: 'The known actor, or null when the name is not in Sitrep’s lists.',
      resolve: (m) => m.id,
    }),
  }),
});

const Speaker = builder.objectRef<NonNullable<Claim['speaker']>>('Speaker').implement({
  description: 'Who made a statement.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'The words naming the speaker ("a Turkish-based official").',
    }),
    actor: t.field({
      type: ActorMention,
      nullable: true,
      description: 'The speaker, when named.',
      resolve: (s) => s.actor,
    }),
    affiliation: t.field({
      type: ActorMention,
      nullable: true,
      description: 'The speaker’s organisation, when stated.',
      resolve: (s) => s.affiliation,
    }),
    title: t.exposeString('title', { nullable: true, description: 'The speaker’s title, when stated.' }),
  }),
});

const QuantityRef = builder.objectRef<Quantity>('Quantity').implement({
  description: 'One number in a claim, typed by what it counts.',
  fields: (t) => ({
    measure: t.expose('measure', { type: MeasureEnum, description: 'What is counted.' }),
    group: t.expose('group', { type: PersonGroupEnum, description: 'Who is counted.' }),
    best: t.float({ description: 'The figure as reported.', resolve: (q) => q.value.best }),
    low: t.float({ nullable: true, description: 'Low end of the range.', resolve: (q) => q.value.low }),
    high: t.float({ nullable: true, description: 'High end of the range.', resolve: (q) => q.value.high }),
    qualifier: t.expose('qualifier', { type: QualifierEnum, description: 'How the number is hedged.' }),
    text: t.exposeString('text', { description: 'The words the number was read from.' }),
    cumulative: t.exposeBoolean('cumulative', {
      description: 'A running total for the war or a long period.',
    }),
  }),
});

export const ClaimNode = builder.loadableNode('Claim', {
  description: 'An attributed statement: who said what, in which article, in which sentence.',
  id: { resolve: (claim) => claim.id },
  load: (ids: string[], ctx: SitrepContext) => ctx.store.claimsByIds(ids).then(present),
  sort: (claim) => claim.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'The store id (`clm_…`).' }),
    kind: t.expose('kind', { type: ClaimKindEnum, description: 'How the statement is made.' }),
    speaker: t.field({
      type: Speaker,
      nullable: true,
      description: 'Who said it; null when unattributed.',
      resolve: (c) => c.speaker,
    }),
    via: t.field({
      type: [ActorMention],
      description: 'Who relayed it ("told Reuters").',
      resolve: (c) => c.via,
    }),
    verb: t.exposeString('verb', {
      nullable: true,
      description: 'The attribution verb: said, told, denied...',
    }),
    stance: t.expose('stance', { type: StanceEnum, description: 'Asserted or denied.' }),
    text: t.exposeString('text', { description: 'The quoted or reported words.' }),
    sentence: t.exposeString('sentence', { description: 'The whole sentence it appears in.' }),
    span: t.expose('span', { type: Span, description: 'Where the sentence is in the article.' }),
    saidOn: t.exposeString('saidOn', {
      nullable: true,
      description: 'When it was said (YYYY-MM-DD), if the text says.',
    }),
    quantities: t.field({
      type: [QuantityRef],
      description: 'The numbers it carries.',
      resolve: (c) => c.quantities,
    }),
    article: t.field({
      type: ArticleNode,
      description: 'The article it appears in.',
      resolve: (c) => c.articleId,
    }),
  }),
});

/** Claims per event and per article, one store call per batch. */
export const claimsForEvent = createContextCache(
  (ctx: SitrepContext) => new DataLoader((ids: readonly string[]) => ctx.store.claimsForEvents(ids)),
);
const claimsForArticle = createContextCache(
  (ctx: SitrepContext) => new DataLoader((ids: readonly string[]) => ctx.store.claimsForArticles(ids)),
);

builder.objectField(ArticleNode, 'claims', (t) =>
  t.field({
    type: [ClaimNode],
    description: 'Every attributed statement in the article, in reading order.',
    resolve: (a, _args, ctx) => claimsForArticle(ctx).load(a.id),
  }),
);
