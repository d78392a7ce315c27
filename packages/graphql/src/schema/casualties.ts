import type { CasualtyFigure, Event } from '@sitrep/schema/event';
import { figureStanding } from '@sitrep/schema/incident-figures';
import type { Evidence } from '@sitrep/schema/primitives';
import { PersonGroup } from '@sitrep/schema/quantity';
import { builder } from '../builder.ts';
import { enumFrom } from '../enum-from.ts';
import { ClaimNode, claimsForEvent, PersonGroupEnum, QualifierEnum, Span } from './claim.ts';

type FigureMeasure = 'killed' | 'injured' | 'missing';
/** A figure with what it takes to find the statements behind it. */
export interface FigureParent {
  figure: CasualtyFigure;
  measure: FigureMeasure;
  event: Event;
}

export const EvidenceRef = builder.objectRef<Evidence>('Evidence').implement({
  description: 'Where a fact came from: the sentence and exact characters in the article.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'Which value it supports, e.g. `casualties.killed`.',
    }),
    sentence: t.exposeString('sentence', { description: 'The sentence, as written.' }),
    span: t.expose('span', { type: Span, description: 'Where the sentence is in the article.' }),
    articleSlug: t.exposeString('articleId', { description: 'The store id of the article.' }),
  }),
});

const Breakdown = builder.objectRef<{ group: PersonGroup; count: number }>('Breakdown').implement({
  description: 'A subgroup the text names inside a figure ("including seven children").',
  fields: (t) => ({
    group: t.expose('group', { type: PersonGroupEnum, description: 'Who the subgroup is.' }),
    count: t.exposeFloat('count', { description: 'How many.' }),
  }),
});

const FigureStandingEnum = enumFrom(
  'FigureStanding',
  'Whether a casualty figure counts as one incident’s toll (rank and sum only INCIDENT).',
  ['incident', 'total', 'unplaced_undated'] as const,
  (s) =>
    s === 'incident'
      ? 'one incident’s toll'
      : s === 'total'
        ? 'a total over a period or a whole war (a cumulative figure, or an event over more than a week): never an incident’s toll'
        : 'the text neither places nor dates the event: kept as reported, not ranked or summed',
);

export const CasualtyFigureRef = builder.objectRef<FigureParent>('CasualtyFigure').implement({
  description:
    'A reported casualty figure as a range, hedged as the text hedges it, with the claims behind it.',
  fields: (t) => ({
    best: t.float({ description: 'The figure as reported.', resolve: (p) => p.figure.best }),
    low: t.float({
      nullable: true,
      description: 'Low end of the reported range.',
      resolve: (p) => p.figure.low,
    }),
    high: t.float({
      nullable: true,
      description: 'High end of the reported range.',
      resolve: (p) => p.figure.high,
    }),
    qualifier: t.field({
      type: QualifierEnum,
      description: 'How it is hedged.',
      resolve: (p) => p.figure.qualifier,
    }),
    group: t.field({ type: PersonGroupEnum, description: 'Who is counted.', resolve: (p) => p.figure.group }),
    standing: t.field({
      type: FigureStandingEnum,
      description:
        'Whether the figure counts as one incident’s toll or is a total over a period or a war (`@sitrep/schema/incident-figures`).',
      resolve: async (p, _args, ctx) => {
        // the claims say which numbers are cumulative; the loader batches them per request
        const claims = p.event.claimIds.length > 0 ? await claimsForEvent(ctx).load(p.event.id) : [];
        return figureStanding(p.event, claims, p.measure) ?? 'incident';
      },
    }),
    children: t.float({
      nullable: true,
      description: 'Children among them, when the text says.',
      resolve: (p) => (p.figure.group === 'children' ? p.figure.best : (p.figure.breakdown.children ?? null)),
    }),
    civilians: t.float({
      nullable: true,
      description: 'Civilians among them, when the text says.',
      resolve: (p) =>
        p.figure.group === 'civilians' ? p.figure.best : (p.figure.breakdown.civilians ?? null),
    }),
    breakdown: t.field({
      type: [Breakdown],
      description: 'Every subgroup the text names.',
      resolve: (p) =>
        PersonGroup.options.flatMap((group) => {
          const count = p.figure.breakdown[group];
          return count === undefined ? [] : [{ group, count }];
        }),
    }),
    claims: t.field({
      type: [ClaimNode],
      description:
        'The attributed statements this figure rests on: who said it, in which article, the sentence.',
      resolve: async (p, _args, ctx) => {
        // The claims that state this measure; when none carries a typed number (a claim read
        // without its quantities), the event's own claims are still what the figure rests on.
        const claims = await claimsForEvent(ctx).load(p.event.id);
        const stating = claims.filter((c) => c.quantities.some((q) => q.measure === p.measure));
        return stating.length ? stating : claims;
      },
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The sentences the figure was read from.',
      resolve: (p) => p.event.evidence.filter((e) => e.field?.startsWith(`casualties.${p.measure}`)),
    }),
  }),
});

export const Casualties = builder.objectRef<Event>('Casualties');
Casualties.implement({
  description: 'Casualty figures for one event as one article reports them; null where the text gives none.',
  fields: (t) => ({
    killed: t.field({
      type: CasualtyFigureRef,
      nullable: true,
      description: 'People reported killed.',
      resolve: figure('killed'),
    }),
    injured: t.field({
      type: CasualtyFigureRef,
      nullable: true,
      description: 'People reported injured.',
      resolve: figure('injured'),
    }),
    missing: t.field({
      type: CasualtyFigureRef,
      nullable: true,
      description: 'People reported missing.',
      resolve: figure('missing'),
    }),
  }),
});

function figure(measure: FigureMeasure) {
  return (event: Event): FigureParent | null => {
    const f = event.casualties[measure];
    return f ? { figure: f, measure, event } : null;
  };
}
