import { createContextCache } from '@pothos/core';
import type {
  CanonicalEvent,
  CanonicalMention,
  Contradiction,
  Corroboration,
  FigureRange,
  FigureReport,
} from '@sitrep/schema/canonical-event';
import { SourceRole } from '@sitrep/schema/canonical-event';
import type { CanonicalEventFilter } from '@sitrep/store/store';
import DataLoader from 'dataloader';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { dateArg } from '../dates.ts';
import { enumFrom } from '../enum-from.ts';
import { localId } from '../local-id.ts';
import { pageArgs, pageCost, present } from '../page-args.ts';
import { placeScopeArgs } from '../place-args.ts';
import { ArticleNode, DatePrecisionEnum } from './article.ts';
import { ClaimNode, claimsForEvent, QualifierEnum, StanceEnum } from './claim.ts';
import { EventKindEnum, EventNode, Location } from './event.ts';
import {
  ADMIN1_FILTER_DESCRIPTION,
  COUNTRIES_FILTER_DESCRIPTION,
  PLACE_FILTER_DESCRIPTION,
} from './event-filter.ts';
import { EventOrderEnum } from './events-query.ts';
import { FacetsRef, facetsOf } from './facets.ts';

const SourceRoleEnum = enumFrom(
  'SourceRole',
  'How a source stands behind an event: `outlet` published a report, `agency` is a wire whose copy was republished or relayed, `primary` is the original speaker (a monitor, a ministry, a witness).',
  SourceRole.options,
);

const CanonicalOccurred = builder.objectRef<CanonicalEvent['occurred']>('CanonicalOccurred').implement({
  description:
    'When the event happened across its reports: the days every dated report agrees on (their overlap), else the span they cover together.',
  fields: (t) => ({
    start: t.exposeString('start', {
      nullable: true,
      description: 'First day (YYYY-MM-DD); null when no report dates it.',
    }),
    end: t.exposeString('end', { nullable: true, description: 'Last day (YYYY-MM-DD).' }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      description: 'How finely the date is known.',
    }),
  }),
});

const CanonicalReport = builder.objectRef<CanonicalMention>('CanonicalReport').implement({
  description: 'One article’s report of a canonical event, with who published it and who first said it.',
  fields: (t) => ({
    event: t.field({
      type: EventNode,
      description: 'The event as this article reports it.',
      resolve: (m) => m.eventId,
    }),
    article: t.field({ type: ArticleNode, description: 'The article.', resolve: (m) => m.articleId }),
    outlet: t.exposeString('outlet', {
      nullable: true,
      description: 'The publishing outlet’s id, else its name; null when the article names none.',
    }),
    originalSource: t.exposeString('originalSource', {
      nullable: true,
      description:
        'Who first said it: the speaker of the event’s claims, else the wire credited, else the outlet.',
    }),
    kind: t.expose('kind', { type: EventKindEnum, description: 'The kind this report gives the event.' }),
  }),
});

const CorroborationSourceRef = builder
  .objectRef<Corroboration['sources'][number]>('CorroborationSource')
  .implement({
    description: 'A source behind an event and its role.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'The outlet, wire or speaker, as named.' }),
      role: t.expose('role', {
        type: SourceRoleEnum,
        description: 'Outlet, agency (wire) or primary speaker.',
      }),
    }),
  });

const CorroborationRef = builder.objectRef<Corroboration>('Corroboration').implement({
  description:
    'How many sources confirm an event. A wire story republished by three sites counts once; a monitor quoted by four outlets counts once.',
  fields: (t) => ({
    outlets: t.exposeInt('outlets', { description: 'Distinct publishing outlets.' }),
    independentSources: t.exposeInt('independentSources', {
      description: 'Distinct original sources (speakers cited, else the wire relayed, else the outlet).',
    }),
    sources: t.field({
      type: [CorroborationSourceRef],
      description: 'Every source with its role.',
      resolve: (c) => c.sources,
    }),
  }),
});

const FigureReportRef = builder.objectRef<FigureReport>('FigureReport').implement({
  description: 'One report of a casualty figure and who gave it.',
  fields: (t) => ({
    value: t.exposeFloat('value', { description: 'The figure as reported.' }),
    qualifier: t.expose('qualifier', { type: QualifierEnum, description: 'How the text hedges it.' }),
    reportedBy: t.exposeString('reportedBy', {
      description: 'Who gave it: the speaker of the claim, else the outlet.',
    }),
    article: t.field({
      type: ArticleNode,
      description: 'The article giving it.',
      resolve: (r) => r.articleId,
    }),
    event: t.field({
      type: EventNode,
      description: 'The per-article event it belongs to.',
      resolve: (r) => r.eventId,
    }),
    publishedAt: t.exposeString('publishedAt', {
      nullable: true,
      description:
        'When the article was published (YYYY-MM-DD), if known: a later, higher toll is an update, not a dispute.',
    }),
  }),
});

const FigureRangeRef = builder.objectRef<FigureRange>('FigureRange').implement({
  description:
    'A casualty measure across every report of an event. low = the lowest credible figure (ACLED’s conservative count; vague words such as "dozens" count only when no report gives a number); best = the figure given by the most independent sources (ties go to the lower); high = the highest credible figure. Disputed when two figures differ by more than 25% and by at least 3, unless the higher one was published on a later day (a rising toll).',
  fields: (t) => ({
    low: t.exposeFloat('low', { description: 'The lowest credible figure.' }),
    best: t.exposeFloat('best', {
      description: 'The figure the most independent sources give (ties: the lower).',
    }),
    high: t.exposeFloat('high', { description: 'The highest credible figure.' }),
    rule: t.exposeString('rule', { description: 'The rule behind low, best and high, in words.' }),
    disputed: t.exposeBoolean('disputed', {
      description: 'Whether the reports disagree beyond the tolerance.',
    }),
    competing: t.field({
      type: [FigureReportRef],
      description: 'Every report side by side when disputed, each with who gave it; empty otherwise.',
      resolve: (f) => f.competing,
    }),
    reports: t.field({
      type: [FigureReportRef],
      description: 'Every report behind the range.',
      resolve: (f) => f.reports,
    }),
  }),
});

const CanonicalFigures = builder.objectRef<CanonicalEvent['figures']>('CanonicalFigures').implement({
  description:
    'Casualty figures across reports, as ranges with their sources; null where no report gives one.',
  fields: (t) => ({
    killed: t.field({
      type: FigureRangeRef,
      nullable: true,
      description: 'People killed.',
      resolve: (f) => f.killed,
    }),
    injured: t.field({
      type: FigureRangeRef,
      nullable: true,
      description: 'People injured.',
      resolve: (f) => f.injured,
    }),
    missing: t.field({
      type: FigureRangeRef,
      nullable: true,
      description: 'People missing.',
      resolve: (f) => f.missing,
    }),
  }),
});

const ContradictionSideRef = builder
  .objectRef<Contradiction['denials'][number]>('ContradictionSide')
  .implement({
    description: 'One statement in a contradiction, verbatim, with its speaker and stance.',
    fields: (t) => ({
      claim: t.field({ type: ClaimNode, description: 'The claim.', resolve: (s) => s.claimId }),
      article: t.field({
        type: ArticleNode,
        description: 'The article it is in.',
        resolve: (s) => s.articleId,
      }),
      speaker: t.exposeString('speaker', { nullable: true, description: 'Who said it, when the text says.' }),
      stance: t.expose('stance', { type: StanceEnum, description: 'Asserted or denied.' }),
      text: t.exposeString('text', { description: 'The statement as written.' }),
    }),
  });

const ContradictionRef = builder.objectRef<Contradiction>('Contradiction').implement({
  description:
    'Claims about one event that cannot both be true (a denial against other speakers’ assertions), kept side by side and never resolved.',
  fields: (t) => ({
    denials: t.field({
      type: [ContradictionSideRef],
      description: 'The denials.',
      resolve: (c) => c.denials,
    }),
    assertions: t.field({
      type: [ContradictionSideRef],
      description: 'The assertions they deny.',
      resolve: (c) => c.assertions,
    }),
  }),
});

export const CanonicalEventNode = builder.loadableNode('CanonicalEvent', {
  description:
    'One real-world event with every article’s report of it (cross-article clustering): how many independent sources confirm it, casualty figures as ranges, and where the sources disagree.',
  id: { resolve: (e) => e.id },
  load: (ids: string[], ctx: SitrepContext) => ctx.store.canonicalEventsByIds(ids).then(present),
  sort: (e) => e.id,
  fields: (t) => ({
    slug: t.exposeString('id', {
      description:
        'The store id (`cev_…`): the hash of its first reports’ event ids, kept while reports join or leave it; when two events merge the older id stays and the other is retired (see `changes`).',
    }),
    kind: t.expose('kind', {
      type: EventKindEnum,
      description: 'The kind most reports give (ties: taxonomy order).',
    }),
    family: t.exposeString('family', {
      description: 'The kind family: violence, humanitarian or diplomacy.',
    }),
    occurred: t.expose('occurred', { type: CanonicalOccurred, description: 'When, across the reports.' }),
    location: t.expose('location', {
      type: Location,
      nullable: true,
      description: 'The most precise place the reports name; null when none does.',
    }),
    mentions: t.field({
      type: [EventNode],
      description: 'The per-article events clustered into this one.',
      resolve: async (e, _args, ctx) => (await storedMentions(ctx, e.mentions)).map((m) => m.eventId),
    }),
    reports: t.field({
      type: [CanonicalReport],
      description: 'Each article’s report with its outlet and original source.',
      resolve: (e, _args, ctx) => storedMentions(ctx, e.mentions),
    }),
    corroboration: t.expose('corroboration', {
      type: CorroborationRef,
      description: 'Outlets and independent sources confirming it.',
    }),
    figures: t.expose('figures', {
      type: CanonicalFigures,
      description: 'Killed, injured and missing as ranges.',
    }),
    disputed: t.exposeBoolean('disputed', {
      description: 'Whether a figure is disputed or a claim about it is denied by another speaker.',
    }),
    contradictions: t.field({
      type: [ContradictionRef],
      description: 'Contradictory claims, side by side.',
      resolve: (e) => e.contradictions,
    }),
    cohesion: t.exposeFloat('cohesion', {
      description:
        'The share of report pairs directly linked by the clustering rules: 1 for a single report.',
    }),
  }),
});

/**
 * The mentions whose events this request can read. The ingest takes a changed article's old
 * events out of their canonical events before it deletes them (@sitrep/ingest's
 * `unclusterReplacedEvents`), so a canonical event names only stored events; this is the
 * defence for a state that rule does not cover (a clustering another version wrote, awaiting
 * its rebuild), where a report that is gone is left out rather than answered as a null the
 * schema forbids. The events load through the same per-request loader that resolves them next.
 */
async function storedMentions(
  ctx: SitrepContext,
  mentions: readonly CanonicalMention[],
): Promise<CanonicalMention[]> {
  const events = await EventNode.getDataloader(ctx).loadMany(mentions.map((m) => m.eventId));
  return mentions.filter((_, i) => {
    const event = events[i];
    return event != null && !(event instanceof Error);
  });
}

const canonicalForEvent = createContextCache(
  (ctx: SitrepContext) => new DataLoader((ids: readonly string[]) => ctx.store.canonicalEventsForEvents(ids)),
);

builder.objectFields(EventNode, (t) => ({
  mentions: t.field({
    type: [EventNode],
    description:
      'Every article’s report of this event (its canonical event’s mentions, this one included); just this one before clustering.',
    resolve: async (e, _args, ctx) => {
      const canonical = await canonicalForEvent(ctx).load(e.id);
      return canonical ? (await storedMentions(ctx, canonical.mentions)).map((m) => m.eventId) : [e.id];
    },
  }),
  corroboration: t.field({
    type: CorroborationRef,
    nullable: true,
    description:
      'How many outlets and independent sources report this event, across every article clustered with this one; null before clustering.',
    resolve: async (e, _args, ctx) => (await canonicalForEvent(ctx).load(e.id))?.corroboration ?? null,
  }),
  disputed: t.boolean({
    description:
      'Whether this report is disputed: a claim it rests on is a denial, or its canonical event is disputed (figures that disagree beyond the tolerance, or contradictory claims; `canonical { figures { killed { competing { value reportedBy } } } contradictions }` lists each side).',
    resolve: async (e, _args, ctx) => {
      const [claims, canonical] = await Promise.all([
        claimsForEvent(ctx).load(e.id),
        canonicalForEvent(ctx).load(e.id),
      ]);
      return claims.some((c) => c.stance === 'deny') || canonical?.disputed === true;
    },
  }),
}));

builder.objectField(EventNode, 'canonical', (t) =>
  t.field({
    type: CanonicalEventNode,
    nullable: true,
    description:
      'The canonical event this report was clustered into, with every other report of it; null before clustering.',
    resolve: (e, _args, ctx) => canonicalForEvent(ctx).load(e.id),
  }),
);

export const CanonicalEventFilterInput = builder.inputType('CanonicalEventFilter', {
  description:
    'Which canonical events to return; every field narrows the result, an empty filter returns all.',
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum], description: 'Any of these kinds.' }),
    from: t.string({
      description: 'Events overlapping days on or after this one (YYYY-MM-DD); undated events drop out.',
    }),
    to: t.string({ description: 'Events overlapping days on or before this one (YYYY-MM-DD).' }),
    place: t.id({ description: PLACE_FILTER_DESCRIPTION }),
    countries: t.stringList({ description: COUNTRIES_FILTER_DESCRIPTION }),
    admin1: t.stringList({ description: ADMIN1_FILTER_DESCRIPTION }),
    minKilled: t.int({ description: 'At least this many killed (best figure across reports).' }),
    minSources: t.int({ description: 'At least this many independent sources.' }),
    disputed: t.boolean({ description: 'true: only disputed events; false: only undisputed ones.' }),
  }),
});

/** GraphQL canonical-event filter → store filter; async because a place name is looked up. */
export async function toCanonicalFilter(
  f: typeof CanonicalEventFilterInput.$inferInput | null | undefined,
  ctx: SitrepContext,
): Promise<CanonicalEventFilter> {
  const filter: CanonicalEventFilter = {};
  if (!f) return filter;
  Object.assign(filter, await placeScopeArgs(ctx, 'filter.', f));
  const from = dateArg('filter.from', f.from);
  const to = dateArg('filter.to', f.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (f.kinds?.length) filter.kinds = f.kinds;
  if (f.minKilled != null) filter.minKilled = f.minKilled;
  if (f.minSources != null) filter.minSources = f.minSources;
  if (f.disputed != null) filter.disputed = f.disputed;
  return filter;
}

builder.queryFields((t) => ({
  canonicalEvent: t.field({
    type: CanonicalEventNode,
    nullable: true,
    description: 'One canonical event by global ID or store id (`cev_…`); null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Global ID or store id.' }) },
    resolve: (_root, args) => localId(args.id, 'CanonicalEvent'),
  }),
  canonicalEvents: t.connection(
    {
      type: CanonicalEventNode,
      description:
        'Canonical events (every report of one real-world event together) matching a filter, most recent first unless ordered otherwise, 1 to 100 per page.',
      args: {
        filter: t.arg({ type: CanonicalEventFilterInput, description: 'Which canonical events.' }),
        orderBy: t.arg({ type: EventOrderEnum, description: 'Sort order; most recent first by default.' }),
      },
      complexity: pageCost,
      resolve: async (_root, args, ctx, info) => {
        const filter = await toCanonicalFilter(args.filter, ctx);
        const page = await ctx.store.listCanonicalEvents(filter, pageArgs(args, args.orderBy, info));
        return { edges: page.edges, pageInfo: page.pageInfo, totalCount: page.totalCount, filter };
      },
    },
    {
      name: 'CanonicalEventConnection',
      description: 'A page of canonical events with the total count.',
      fields: (t) => ({
        facets: t.field({
          type: FacetsRef,
          description: 'Counts per kind and per country for the whole filter (not the page).',
          resolve: async (connection, _args, ctx) =>
            facetsOf(
              ctx.store,
              await ctx.store.canonicalEventFacets((connection as { filter?: CanonicalEventFilter }).filter),
            ),
        }),
      }),
    },
    { name: 'CanonicalEventEdge', description: 'One canonical event in a page, with its cursor.' },
  ),
}));
