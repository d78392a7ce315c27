import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { SitrepStore } from '@sitrep/store/store';
import type { ExportQuery } from './export-filter.ts';

/** The change feed's page size when an export reads it (the store's largest page). */
const PAGE = 500;

/**
 * `--since CURSOR`: the canonical events created or updated after the cursor, as they are now,
 * each once, with the time of its change, up to `until` (the feed's end when the export began,
 * which is the cursor to give next time). Merged and removed events have no row; the `changes`
 * query lists them. The date and kind filters apply as the full export's do. Memory: the ids
 * already written (one per changed event), nothing else across batches.
 */
export async function* changedCanonicalEvents(
  store: SitrepStore,
  query: ExportQuery & { since: string },
  until: string | null,
): AsyncGenerator<{ events: CanonicalEvent[]; changedAt: Map<string, string> }> {
  const written = new Set<string>();
  let after: string | null = query.since;
  for (;;) {
    const page = await store.changes({ after, first: PAGE });
    const events: CanonicalEvent[] = [];
    const changedAt = new Map<string, string>();
    let reachedEnd = false;
    for (const { node, cursor } of page.edges) {
      const e = node.event;
      if (e && !written.has(e.id) && matches(e, query)) {
        written.add(e.id);
        events.push(e);
        changedAt.set(e.id, node.changedAt);
      }
      if (cursor === until) {
        reachedEnd = true;
        break;
      }
    }
    if (events.length) yield { events, changedAt };
    after = page.pageInfo.endCursor;
    if (reachedEnd || !page.pageInfo.hasNextPage) return;
  }
}

/** The store's canonical filter (kinds; dates overlapping from/to, undated ones out), on one record. */
function matches(e: CanonicalEvent, query: ExportQuery): boolean {
  if (query.kinds && !query.kinds.includes(e.kind)) return false;
  if (!query.from && !query.to) return true;
  const { start, end } = e.occurred;
  if (start === null) return false;
  if (query.to && start > query.to) return false;
  if (query.from && (end ?? start) < query.from) return false;
  return true;
}
