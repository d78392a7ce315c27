import type { TimelineBucket } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import { dateArg } from '../dates.ts';
import { placeScopeArgs } from '../place-args.ts';
import {
  ADMIN1_FILTER_DESCRIPTION,
  COUNTRIES_FILTER_DESCRIPTION,
  PLACE_FILTER_DESCRIPTION,
} from './event-filter.ts';

const Granularity = builder.enumType('Granularity', {
  description: 'How long each timeline period is.',
  values: {
    DAY: { value: 'day', description: 'One calendar day.' },
    WEEK: { value: 'week', description: 'One ISO week, Monday to Sunday.' },
  } as const,
});

const Period = builder.objectRef<TimelineBucket>('TimelinePeriod').implement({
  description:
    'Canonical events (every report of one incident together: two reports of one strike count once) and their casualties in one period.',
  fields: (t) => ({
    period: t.exposeString('period', {
      description: 'The day, or the Monday that starts the week (YYYY-MM-DD).',
    }),
    eventCount: t.exposeInt('events', {
      description: 'Canonical events starting in the period, as `eventCounts` counts them.',
    }),
    killed: t.exposeInt('killed', {
      description: 'Sum of the events’ best killed figures, one per event (running totals excluded).',
    }),
    injured: t.exposeInt('injured', {
      description: 'Sum of the events’ best injured figures, one per event.',
    }),
  }),
});

builder.queryFields((t) => ({
  timeline: t.field({
    type: [Period],
    description:
      'Canonical events and their killed/injured per day or week, oldest first: each event counted once on its start day, with its best figures (events over more than a week are context, not counted; events not clustered yet are not counted).',
    args: {
      from: t.arg.string({ description: 'First day (YYYY-MM-DD).' }),
      to: t.arg.string({ description: 'Last day (YYYY-MM-DD).' }),
      place: t.arg.id({ description: PLACE_FILTER_DESCRIPTION }),
      countries: t.arg.stringList({ description: COUNTRIES_FILTER_DESCRIPTION }),
      admin1: t.arg.stringList({ description: ADMIN1_FILTER_DESCRIPTION }),
      granularity: t.arg({ type: Granularity, defaultValue: 'day', description: 'Day (default) or week.' }),
      withEventsOnly: t.arg.boolean({
        defaultValue: false,
        description:
          'Only the periods with events, without the empty ones between (the days a digest archive has). Otherwise empty periods are zeros, and a span over 10,000 periods is refused (BAD_USER_INPUT).',
      }),
    },
    complexity: { field: 5, multiplier: 30 },
    resolve: async (_root, args, ctx) => {
      const from = dateArg('from', args.from);
      const to = dateArg('to', args.to);
      return ctx.store.timeline({
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(await placeScopeArgs(ctx, '', args)),
        granularity: args.granularity ?? 'day',
        withEventsOnly: args.withEventsOnly ?? false,
      });
    },
  }),
}));
