import type { EventFilter } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { dateArg } from '../dates.ts';
import { localId } from '../local-id.ts';
import { searchText } from '../search-text.ts';
import { DatePrecisionEnum } from './article.ts';
import { EventKindEnum } from './event.ts';

export const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Which events to return; every field narrows the result, an empty filter returns all.',
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum], description: 'Any of these kinds.' }),
    from: t.string({
      description: 'Events overlapping days on or after this one (YYYY-MM-DD); undated events drop out.',
    }),
    to: t.string({ description: 'Events overlapping days on or before this one (YYYY-MM-DD).' }),
    place: t.id({
      description: 'At this place or any place inside it (slug such as `aleppo`, or global ID).',
    }),
    actor: t.id({ description: 'With this actor in any role (slug or global ID).' }),
    outlet: t.string({ description: 'Reported by this outlet (slug or name).' }),
    text: t.string({ description: 'Words in the summary, place or evidence sentences.' }),
    minKilled: t.int({ description: 'At least this many reported killed (best figure).' }),
    disputedOnly: t.boolean({
      description:
        'Only disputed events: resting on a denied claim, or clustered into a canonical event whose figures or claims disagree.',
    }),
    scheduled: t.boolean({ description: 'true: only announced future events; false: only past ones.' }),
    precisions: t.field({
      type: [DatePrecisionEnum],
      description:
        'Only events dated with one of these precisions. A day’s stories are [DAY, WEEK, REPORTED] (REPORTED: no date of its own, shown as "reported on"); [MONTH, YEAR] are only context, labelled with their span.',
    }),
  }),
});

type FilterArg = typeof EventFilterInput.$inferInput | null | undefined;

/** GraphQL filter → store filter, with dates checked and ids accepted in either form. */
// `_ctx`: the (filter, ctx) form callers use, ready for filters that need the request's store
export function toStoreFilter(f: FilterArg, _ctx?: SitrepContext): EventFilter {
  const filter: EventFilter = {};
  if (!f) return filter;
  const from = dateArg('filter.from', f.from);
  const to = dateArg('filter.to', f.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (f.kinds?.length) filter.kinds = f.kinds;
  if (f.place) filter.placeId = localId(f.place, 'Place');
  if (f.actor) filter.actorId = localId(f.actor, 'Actor');
  if (f.outlet) filter.outlet = f.outlet;
  if (f.text) filter.text = searchText('filter.text', f.text);
  if (f.minKilled != null) filter.minKilled = f.minKilled;
  if (f.disputedOnly) filter.disputed = true;
  if (f.scheduled != null) filter.tense = f.scheduled ? 'scheduled' : 'past';
  if (f.precisions) filter.precisions = f.precisions;
  return filter;
}
