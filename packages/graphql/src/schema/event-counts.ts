import { countryFacts } from '@sitrep/export/countries';
import {
  type CountGroup,
  countEvents,
  type EventCountRow,
  type FigureSums,
} from '@sitrep/export/event-counts';
import { SitrepError } from '@sitrep/schema/errors';
import { builder } from '../builder.ts';
import { userError } from '../user-error.ts';
import { CanonicalEventFilterInput, toCanonicalFilter } from './canonical-event.ts';
import { EventKindEnum } from './event.ts';

const CountGroupEnum = builder.enumType('EventCountGroup', {
  description: 'What to count canonical events by, besides the period.',
  values: {
    KIND: { value: 'kind', description: 'The event kind.' },
    COUNTRY: { value: 'country', description: 'The country of the event’s place (ISO 3166-1 alpha-2).' },
    ADMIN1: { value: 'admin1', description: 'The first-level division of the event’s place, where known.' },
    ACTOR: { value: 'actor', description: 'The main perpetrator (the one most of its reports name).' },
  } as const,
});

const CountPeriodEnum = builder.enumType('CountPeriod', {
  description: 'How long each counted period is.',
  values: {
    DAY: { value: 'day', description: 'One calendar day.' },
    WEEK: { value: 'week', description: 'One ISO week, Monday to Sunday.' },
    MONTH: { value: 'month', description: 'One calendar month.' },
  } as const,
});

const FigureSumsRef = builder.objectRef<FigureSums>('FigureSums').implement({
  description:
    'A casualty measure summed over canonical events: disputed figures are summed by their ends (best with best, low with low, high with high).',
  fields: (t) => ({
    best: t.exposeFloat('best', { description: 'The sum of each event’s best figure.' }),
    low: t.exposeFloat('low', { description: 'The sum of each event’s lowest credible figure.' }),
    high: t.exposeFloat('high', { description: 'The sum of each event’s highest credible figure.' }),
  }),
});

const EventCountRef = builder.objectRef<EventCountRow>('EventCount').implement({
  description:
    'Canonical events in one period of one group — two reports of one strike count once — with their tolls. Groups not asked for are null.',
  fields: (t) => ({
    period: t.exposeString('period', {
      description: 'The day, the Monday that starts the week, or the first of the month (YYYY-MM-DD).',
    }),
    kind: t.field({
      type: EventKindEnum,
      nullable: true,
      description: 'The kind (KIND).',
      resolve: (r) => r.kind,
    }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 (COUNTRY).' }),
    admin1: t.exposeString('admin1', { nullable: true, description: 'First-level division (ADMIN1).' }),
    actor: t.exposeString('actor', { nullable: true, description: 'Main perpetrator (ACTOR).' }),
    events: t.exposeInt('events', { description: 'Canonical events; 0 for a period with none.' }),
    killed: t.field({ type: FigureSumsRef, description: 'Killed, summed.', resolve: (r) => r.killed }),
    injured: t.field({ type: FigureSumsRef, description: 'Injured, summed.', resolve: (r) => r.injured }),
  }),
});

builder.queryFields((t) => ({
  eventCounts: t.field({
    type: [EventCountRef],
    description:
      'Canonical events per period (and per kind, country, admin1 or actor), oldest first within each group, with every period from `filter.from` (else the first event’s) to `filter.to` (else the last’s) present as a zero row. Events dated to a day, a few days or by their report count on their start day; events dated only to a month count in MONTH periods only; undated events and those dated to a year are not counted.',
    args: {
      filter: t.arg({ type: CanonicalEventFilterInput, description: 'Which canonical events.' }),
      countries: t.arg.stringList({
        description: 'Only events placed in these countries (ISO 3166-1 alpha-2).',
      }),
      groupBy: t.arg({ type: [CountGroupEnum], description: 'Count by these, besides the period.' }),
      period: t.arg({
        type: CountPeriodEnum,
        defaultValue: 'day',
        description: 'Day (default), week or month.',
      }),
    },
    complexity: { field: 50, multiplier: 1 },
    resolve: async (_root, args, ctx) => {
      const countries = (args.countries ?? []).map((c) => {
        const known = countryFacts(c);
        if (!known)
          throw userError(
            'BAD_USER_INPUT',
            `countries: "${c}" is not an ISO 3166-1 alpha-2 code; write e.g. SY.`,
          );
        return known.iso2;
      });
      try {
        return await countEvents(ctx.store, {
          filter: await toCanonicalFilter(args.filter, ctx),
          countries,
          groupBy: (args.groupBy ?? []) as CountGroup[],
          period: args.period ?? 'day',
        });
      } catch (error) {
        if (error instanceof SitrepError && error.code === 'BAD_USER_INPUT')
          throw userError(error.code, error.message);
        throw error;
      }
    },
  }),
}));
