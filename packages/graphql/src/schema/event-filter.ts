import type { EventFilter } from '@sitrep/store/store';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { dateArg } from '../dates.ts';
import { localId } from '../local-id.ts';
import { placeScopeArgs } from '../place-args.ts';
import { searchText } from '../search-text.ts';
import { DatePrecisionEnum } from './article.ts';
import { EventKindEnum } from './event.ts';

/** The place fields' descriptions, shared by every filter that takes them. */
export const PLACE_FILTER_DESCRIPTION =
  'At this place or any place inside it. A slug (`place:sy:aleppo`), a global ID, a GeoNames id (`703448`), or a name or alias in any case, with or without diacritics (`aleppo`, `Kyiv`, `Ḩamāh`); a name several places share (`Tripoli`) takes in all of them. A value that matches no place is a BAD_USER_INPUT error, never an empty result.';
export const COUNTRIES_FILTER_DESCRIPTION =
  "In any of these countries: ISO 3166-1 alpha-2 codes, any case (`UA`, `sd`). An event's country is its place's, or that of the place containing it. An unknown code is a BAD_USER_INPUT error naming it.";
export const ADMIN1_FILTER_DESCRIPTION =
  'In any of these first-level divisions (province, state, oblast, governorate), by name: any case, diacritics folded, the division word optional (`Kharkiv Oblast` = `kharkiv`, `Aleppo Governorate` = `Aleppo`). Names recur across countries: add `countries` to tell them apart.';

export const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Which events to return; every field narrows the result, an empty filter returns all.',
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum], description: 'Any of these kinds.' }),
    from: t.string({
      description: 'Events overlapping days on or after this one (YYYY-MM-DD); undated events drop out.',
    }),
    to: t.string({ description: 'Events overlapping days on or before this one (YYYY-MM-DD).' }),
    place: t.id({ description: PLACE_FILTER_DESCRIPTION }),
    countries: t.stringList({ description: COUNTRIES_FILTER_DESCRIPTION }),
    admin1: t.stringList({ description: ADMIN1_FILTER_DESCRIPTION }),
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

/**
 * GraphQL filter → store filter, with dates and country codes checked, ids accepted in either
 * form and a place name resolved to its places (one store call when `place` is given).
 */
export async function toStoreFilter(f: FilterArg, ctx: SitrepContext): Promise<EventFilter> {
  const filter: EventFilter = {};
  if (!f) return filter;
  Object.assign(filter, await placeScopeArgs(ctx, 'filter.', f));
  const from = dateArg('filter.from', f.from);
  const to = dateArg('filter.to', f.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (f.kinds?.length) filter.kinds = f.kinds;
  if (f.actor) filter.actorId = localId(f.actor, 'Actor');
  if (f.outlet) filter.outlet = f.outlet;
  if (f.text) filter.text = searchText('filter.text', f.text);
  if (f.minKilled != null) filter.minKilled = f.minKilled;
  if (f.disputedOnly) filter.disputed = true;
  if (f.scheduled != null) filter.tense = f.scheduled ? 'scheduled' : 'past';
  if (f.precisions) filter.precisions = f.precisions;
  return filter;
}
