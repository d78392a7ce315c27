import type { Actor } from '@sitrep/schema/actor';
import type { Outlet } from '@sitrep/schema/outlet';
import type { Place } from '@sitrep/schema/place';
import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from '../db/tables.ts';
import { chunkIds, chunksFor } from './chunks.ts';
import { placeGeo, writeNameKeys, writePlaceGeo } from './place-geo.ts';

type Named = { id: string; name: string; kind: string; aliases: readonly string[] };

function searchNames(r: Named): string {
  return [r.name, ...r.aliases].map((n) => n.toLowerCase()).join('|');
}

function rowOf(r: Named) {
  return { id: r.id, name: r.name, kind: r.kind, search_names: searchNames(r), record: JSON.stringify(r) };
}

/** Rows whose stored record differs (or is missing): re-seeding unchanged data writes nothing. */
async function changedOnly<R extends { id: string; record: string }>(
  db: Kysely<Database>,
  table: 'places' | 'actors' | 'outlets',
  rows: R[],
): Promise<R[]> {
  const stored = new Map<string, string>();
  for (const part of chunkIds(rows.map((r) => r.id))) {
    const found = await db.selectFrom(table).select(['id', 'record']).where('id', 'in', part).execute();
    for (const f of found) stored.set(f.id, f.record);
  }
  return rows.filter((r) => stored.get(r.id) !== r.record);
}

async function upsert(
  db: Kysely<Database>,
  table: 'actors' | 'outlets',
  records: readonly Named[],
): Promise<void> {
  for (const part of chunksFor(await changedOnly(db, table, records.map(rowOf))))
    await db
      .insertInto(table)
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          search_names: eb.ref('excluded.search_names'),
          record: eb.ref('excluded.record'),
        })),
      )
      .execute();
}

export const upsertActors = (db: Kysely<Database>, actors: readonly Actor[]) => upsert(db, 'actors', actors);
export const upsertOutlets = (db: Kysely<Database>, outlets: readonly Outlet[]) =>
  upsert(db, 'outlets', outlets);

/**
 * Places, then the closure of their hierarchy (every place with each of its ancestors and
 * itself), so "events in Aleppo" is one indexed lookup however deep the nesting goes.
 *
 * One writer of places at a time: the closure is rebuilt whole, and on PostgreSQL two
 * transactions rebuilding it at once (two processes ingesting articles that name new places)
 * each deleted only the rows they could see and then inserted the same rows: a duplicate key.
 * The table lock queues them; reads go on. SQLite's transactions already write one at a time.
 */
export async function upsertPlaces(
  db: Kysely<Database>,
  engine: Engine,
  places: readonly Place[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`lock table places in share row exclusive mode`.execute(trx);
    const changed = await changedOnly(
      trx,
      'places',
      places.map((p) => ({ ...rowOf(p), parent_id: p.parentId })),
    );
    if (changed.length === 0) return;
    // Country and admin1 follow from a place's containers (migration 0008), so a change to one
    // place can move the columns of every place inside it: they are worked out over all places.
    const stored = await trx
      .selectFrom('places')
      .select(['id', 'record', 'country', 'admin1_key', 'geonames_id'])
      .execute();
    const all = new Map(stored.map((r) => [r.id, JSON.parse(r.record) as Place]));
    const changedIds = new Set(changed.map((r) => r.id));
    const incoming = new Map(places.filter((p) => changedIds.has(p.id)).map((p) => [p.id, p]));
    for (const p of incoming.values()) all.set(p.id, p);
    const geo = placeGeo(all);
    for (const part of chunksFor(changed.map((r) => ({ ...r, ...geo.get(r.id)! }))))
      await trx
        .insertInto('places')
        .values(part)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            parent_id: eb.ref('excluded.parent_id'),
            search_names: eb.ref('excluded.search_names'),
            record: eb.ref('excluded.record'),
            country: eb.ref('excluded.country'),
            admin1_key: eb.ref('excluded.admin1_key'),
            geonames_id: eb.ref('excluded.geonames_id'),
          })),
        )
        .execute();
    await writePlaceGeo(
      trx,
      stored.filter((r) => !changedIds.has(r.id)),
      geo,
    );
    await writeNameKeys(trx, [...incoming.values()]);
    const closure = placeClosure(all);
    await trx.deleteFrom('place_ancestors').execute();
    for (const part of chunksFor(closure)) await trx.insertInto('place_ancestors').values(part).execute();
  });
}

/** Every place with each of its ancestors and itself, and how many levels up each one is. */
function placeClosure(places: ReadonlyMap<string, Place>) {
  const closure: { place_id: string; ancestor_id: string; depth: number }[] = [];
  for (const id of places.keys()) {
    const seen = new Set<string>();
    for (
      let at: string | null | undefined = id, depth = 0;
      at && !seen.has(at);
      at = places.get(at)?.parentId, depth++
    ) {
      seen.add(at); // a cycle in bad reference data stops here instead of looping
      closure.push({ place_id: id, ancestor_id: at, depth });
    }
  }
  return closure;
}
