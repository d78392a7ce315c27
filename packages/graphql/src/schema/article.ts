import { createContextCache } from '@pothos/core';
import { type Article, DateBasis } from '@sitrep/schema/article';
import type { ArticleFilter } from '@sitrep/store/store';
import DataLoader from 'dataloader';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { dateArg } from '../dates.ts';
import { enumFrom } from '../enum-from.ts';
import { localId } from '../local-id.ts';
import { cachedByIds, pageArgs, pageCost } from '../page-args.ts';
import { placeIds } from '../place-args.ts';
import { searchText } from '../search-text.ts';
import { OutletNode } from './outlet.ts';

const DateBasisEnum = enumFrom(
  'DateBasis',
  'Where a publication date was read from, most trusted first.',
  DateBasis.options,
);
const DatePrecisionEnum = enumFrom(
  'DatePrecision',
  'How finely a date is known.',
  ['day', 'week', 'month', 'year', 'unknown', 'reported'] as const,
  (p) =>
    p === 'reported'
      ? 'events only: no date of its own; start and end are the day it was reported, on or before which it happened (never a certain day)'
      : p,
);

export { DatePrecisionEnum };

const PublishedAt = builder.objectRef<Article['publishedAt']>('PublishedAt').implement({
  description:
    'When an article was published, with where that date came from. A null date always has a reason.',
  fields: (t) => ({
    date: t.exposeString('date', {
      nullable: true,
      description: 'YYYY-MM-DD, or null when the text gives none.',
    }),
    precision: t.field({
      type: DatePrecisionEnum,
      description: 'How finely the date is known.',
      resolve: (p) => p.precision,
    }),
    basis: t.expose('basis', { type: DateBasisEnum, description: 'Where the date was read from.' }),
    confidence: t.exposeFloat('confidence', { description: 'From 0 (a guess) to 1 (stated outright).' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why the date is null or uncertain.' }),
  }),
});

/**
 * Dates borrowed across articles (kept by the store's clustering), batched per request and kept
 * in the record cache — "none borrowed" included, which is the common answer and was one SQL
 * statement on every page of events.
 */
const inferredDateOf = createContextCache(
  (ctx: SitrepContext) =>
    new DataLoader((ids: readonly string[]) => {
      const load = (missing: readonly string[]) => ctx.store.clustering.inferredDates(missing);
      return ctx.records ? ctx.records.byIds('inferred-date', ids, load, true) : load(ids);
    }),
);

export const ArticleNode = builder.loadableNode('Article', {
  description: 'One news report as Sitrep stored it; every claim and event points back into its text.',
  id: { resolve: (article) => article.id },
  load: (ids: string[], ctx: SitrepContext) =>
    cachedByIds(ctx, 'article', ids, (missing) => ctx.store.articlesByIds(missing)),
  sort: (article) => article.id,
  fields: (t) => ({
    slug: t.exposeString('id', {
      description: 'The store id: `art_` and 16 hex digits of the content hash.',
    }),
    headline: t.exposeString('headline', { description: 'The headline as printed.' }),
    kicker: t.exposeString('kicker', { nullable: true, description: 'Section label above the headline.' }),
    standfirst: t.exposeString('standfirst', {
      nullable: true,
      description: 'The summary under the headline.',
    }),
    byline: t.exposeString('byline', { nullable: true, description: 'Who wrote it, as printed.' }),
    dateline: t.exposeString('dateline', { nullable: true, description: 'The dateline as printed.' }),
    outletName: t.string({
      nullable: true,
      description: 'The outlet as the article names it, known to Sitrep or not.',
      resolve: (a) => a.outlet?.name ?? null,
    }),
    outlet: t.field({
      type: OutletNode,
      nullable: true,
      description: 'The outlet, when it is one Sitrep knows.',
      resolve: (a) => a.outlet?.id ?? null,
    }),
    url: t.exposeString('url', { nullable: true, description: 'Where it was published, when known.' }),
    publishedAt: t.field({
      type: PublishedAt,
      description:
        'Publication date and its provenance: the article’s own, or, when its own is weak (none, coarser than a day, or a low-confidence guess), the day of a well-dated article it shares an exact quote with (basis CLUSTER, lower confidence, the reason naming the donor article and the quote).',
      resolve: (a, _args, ctx) => {
        const cached = ctx.records?.peek<Article['publishedAt']>('inferred-date', a.id);
        if (cached !== undefined) return cached ?? a.publishedAt; // no promise when known
        return inferredDateOf(ctx)
          .load(a.id)
          .then((borrowed) => borrowed ?? a.publishedAt);
      },
    }),
    language: t.exposeString('language', { description: 'BCP 47 language tag.' }),
    wordCount: t.exposeInt('wordCount', { description: 'Words in the body.' }),
    paragraphs: t.stringList({
      description: 'The body, one string per paragraph.',
      resolve: (a) => a.paragraphs.map((p) => p.text),
    }),
    sourcePath: t.string({
      nullable: true,
      description: 'The corpus file it was read from, when it came from one.',
      resolve: (a) => a.origin.path ?? null,
    }),
    extractorVersion: t.int({
      nullable: true,
      description:
        "The version of Sitrep's extractor that made this article's claims and events; null when not known (stored before versions were kept). Ingesting the same text again with a newer extractor re-extracts it.",
      // records stored before migration 0006 have no such field
      resolve: (a) => a.extractorVersion ?? null,
    }),
  }),
});

const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  description: 'How to sort articles.',
  values: {
    PUBLISHED_DESC: { description: 'Newest first (undated last).' },
    PUBLISHED_ASC: { description: 'Oldest first.' },
  },
});

const ArticleFilterInput = builder.inputType('ArticleFilter', {
  description: 'Which articles to return; every field narrows the result.',
  fields: (t) => ({
    from: t.string({ description: 'Published on or after this day (YYYY-MM-DD).' }),
    to: t.string({ description: 'Published on or before this day (YYYY-MM-DD).' }),
    outlet: t.string({ description: 'Outlet slug or name.' }),
    text: t.string({ description: 'Words the article contains.' }),
    place: t.id({
      description:
        'Reports an event at this place or inside it: a slug, a global ID, a GeoNames id or a name, as `EventFilter.place` takes it.',
    }),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleNode,
    nullable: true,
    description: 'One article by global ID or store id (`art_…`); null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Global ID or store id.' }) },
    resolve: (_root, args) => localId(args.id, 'Article'),
  }),
  articles: t.connection(
    {
      type: ArticleNode,
      description: 'Articles, newest first unless ordered otherwise, 1 to 100 per page.',
      args: {
        filter: t.arg({ type: ArticleFilterInput, description: 'Which articles.' }),
        orderBy: t.arg({ type: ArticleOrderEnum, description: 'Sort order; newest first by default.' }),
      },
      complexity: pageCost,
      resolve: async (_root, args, ctx, info) => {
        const f = args.filter;
        const filter: ArticleFilter = {};
        const from = dateArg('filter.from', f?.from);
        const to = dateArg('filter.to', f?.to);
        if (from) filter.from = from;
        if (to) filter.to = to;
        if (f?.outlet) filter.outlet = f.outlet;
        if (f?.text) filter.text = searchText('filter.text', f.text);
        if (f?.place) filter.placeIds = await placeIds(ctx, 'filter.place', f.place);
        const page = await ctx.store.listArticles(filter, pageArgs(args, args.orderBy, info));
        return { edges: page.edges, pageInfo: page.pageInfo, totalCount: page.totalCount };
      },
    },
    { name: 'ArticleConnection', description: 'A page of articles with the total count.' },
    { name: 'ArticleEdge', description: 'One article in a page, with its cursor.' },
  ),
}));
