import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { severityOf } from './article-rows.ts';
import { chunksFor } from './chunks.ts';

/**
 * Replaces the whole clustering result in one transaction: clustering is recomputed over all
 * mentions, so a partial update could leave a mention in two clusters. Readers see the old
 * set or the new one, never a mix.
 */
export async function replaceCanonicalEvents(
  db: Kysely<Database>,
  events: readonly CanonicalEvent[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('canonical_mentions').execute();
    await trx.deleteFrom('canonical_records').execute();
    await trx.deleteFrom('canonical_events').execute();
    const rows = events.map((e) => {
      const killed = e.figures.killed?.best ?? null;
      const injured = e.figures.injured?.best ?? null;
      return {
        id: e.id,
        kind: e.kind,
        family: e.family,
        start_date: e.occurred.start,
        end_date: e.occurred.end,
        sort_date: e.occurred.start ?? '',
        place_id: e.location?.placeId ?? null,
        killed,
        injured,
        severity: severityOf(killed, injured),
        disputed: e.disputed ? 1 : 0,
        independent_sources: e.corroboration.independentSources,
      };
    });
    for (const part of chunksFor(rows)) await trx.insertInto('canonical_events').values(part).execute();
    const records = events.map((e) => ({ id: e.id, record: JSON.stringify(e) }));
    for (const part of chunksFor(records)) await trx.insertInto('canonical_records').values(part).execute();
    const mentions = new Map<string, string>();
    for (const e of events) for (const m of e.mentions) mentions.set(m.eventId, e.id);
    const links = [...mentions].map(([event_id, canonical_id]) => ({ event_id, canonical_id }));
    for (const part of chunksFor(links)) await trx.insertInto('canonical_mentions').values(part).execute();
  });
}
