import type { Event } from '@sitrep/schema/event';
import type { RecordLoader } from '@sitrep/store/store';
import type { GraphQLResolveInfo } from 'graphql';
import type { SitrepContext } from './context.ts';
import { userError } from './user-error.ts';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Relay paging arguments for the store. A page size outside 1..100 is an error, not a silent
 * clamp: a client asking for 500 should learn it gets 100, not believe it has everything.
 */
export function pageArgs<O extends string>(
  args: ConnectionArgs,
  orderBy: O | null | undefined,
  info: GraphQLResolveInfo,
) {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n !== null && n !== undefined && (n < 1 || n > MAX_PAGE))
      throw userError(
        'BAD_USER_INPUT',
        `${name} must be from 1 to ${MAX_PAGE} (got ${n}); page through larger results with after/before.`,
      );
  }
  if (args.first != null && args.last != null)
    throw userError('BAD_USER_INPUT', 'Pass first or last, not both; first pages forward, last backward.');
  const backward = args.last != null || (args.before != null && args.first == null);
  return {
    ...(backward ? { last: args.last ?? DEFAULT_PAGE } : { first: args.first ?? DEFAULT_PAGE }),
    after: args.after ?? null,
    before: args.before ?? null,
    ...(orderBy ? { orderBy } : {}),
    withTotal: selects(info, 'totalCount'),
  };
}

/** The connection's cost multiplier, read from the same arguments the resolver will check. */
export function pageCost(args: ConnectionArgs): { field: number; multiplier: number } {
  return { field: 1, multiplier: args.first ?? args.last ?? DEFAULT_PAGE };
}

/** Whether the query selects a field directly under this one; COUNT(*) is skipped when it does not. */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind === 'Field' && selection.name.value === name) return true;
      if (selection.kind !== 'Field') return true; // fragments: assume they might, rather than lie
    }
  }
  return false;
}

/** `first` for plain lists (places, actors, search): the same 1..100 rule as connections. */
export function listLimit(first: number | null | undefined, fallback = DEFAULT_PAGE): number {
  const n = first ?? fallback;
  if (n < 1 || n > MAX_PAGE)
    throw userError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE} (got ${n}).`);
  return n;
}

/** Drops the store's nulls for unknown ids; dataloaders sorted by id then answer null for them. */
export function present<T>(rows: readonly (T | null)[]): T[] {
  return rows.filter((row): row is T => row !== null);
}

/** `xByIds` through the context's record cache when it has one, straight to the store otherwise. */
export function cachedByIds<T>(
  ctx: SitrepContext,
  kind: string,
  ids: readonly string[],
  load: (ids: readonly string[]) => Promise<(T | null)[]>,
): Promise<T[]> {
  return (ctx.records ? ctx.records.byIds(kind, ids, load) : load(ids)).then(present);
}

/**
 * A page's event records through the record cache (ids are content hashes, so a record under an
 * id never changes); undefined without a cache, so the store reads them itself in one batch.
 */
export function cachedEventRecords(ctx: SitrepContext): RecordLoader<Event> | undefined {
  const records = ctx.records;
  if (!records) return undefined;
  return (ids) => records.byIds('event', ids, (missing) => ctx.store.eventsByIds(missing));
}
