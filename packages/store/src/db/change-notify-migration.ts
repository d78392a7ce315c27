import { type Kysely, sql } from 'kysely';
import type { Engine } from './tables.ts';

/** The tables whose rows a reader's caches hold; claims and events' records change with their article. */
const WATCHED = ['articles', 'events', 'places', 'actors', 'outlets', 'canonical_events'];

/**
 * Migration 0005: on PostgreSQL, every committed change to a watched table notifies
 * `sitrep_data_changed` with the table's schema, so API processes drop cached answers when
 * `sitrep ingest` (another connection) writes (see change-watch.ts). Row triggers fire only when
 * rows change, so a re-ingest that writes nothing notifies nobody; PostgreSQL delivers a
 * transaction's identical notifications once, at commit. SQLite needs nothing: its
 * `PRAGMA data_version` already moves when another connection commits.
 */
export async function changeNotifications(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`
    create function sitrep_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('sitrep_data_changed', tg_table_schema);
      return null;
    end
    $$`.execute(db);
  for (const table of WATCHED)
    await sql`
      create trigger ${sql.id(`${table}_notify_change`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function sitrep_notify_change()`.execute(db);
}
