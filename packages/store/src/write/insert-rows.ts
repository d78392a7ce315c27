import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { compiledQueries } from '../read/compiled-queries.ts';
import { chunksFor } from './chunks.ts';

/**
 * Rows per multi-row INSERT. Every statement a bulk write issues has one of a few fixed shapes
 * (this many rows, or a power of two below it for a batch's remainder), so its SQL is compiled
 * by Kysely once and prepared by SQLite once (db/statement-cache.ts) instead of per batch.
 * 64 to 256 measured alike on FA-KES (16 was slower); at 128 the widest row (events, 16
 * columns) still makes a text short enough for the statement cache.
 */
export const ROWS_PER_INSERT = 128;

type Table = keyof Database & string;

/**
 * Inserts `rows` into `table` as Kysely's `insertInto(table).values(rows)` would, with the
 * same columns, values and row order, in statements of fixed sizes whose compiled text is
 * reused with new parameters. Profiled on a FA-KES ingest into SQLite, building and compiling
 * one INSERT per up-to-16,000-parameter chunk and preparing its ~100 kB text each time cost
 * about as much as SQLite running it. Rows that Kysely would treat specially (a column left
 * undefined, an expression, keys that differ between rows) take Kysely's own path unchanged.
 * `doNothingOn`: a column whose conflicts are skipped (`ON CONFLICT (column) DO NOTHING`).
 */
export async function insertRows<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  doNothingOn?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const parameters = plainParameters(rows as readonly Record<string, unknown>[], columns);
  if (parameters === null) {
    // Not the hot path: Kysely's chunks, as every insert was before.
    for (const part of chunksFor(rows)) await insertQuery(db, table, part, doNothingOn).execute();
    return;
  }
  // keyed by table, columns, row count and conflict clause
  const cache = compiledQueries(db);
  const width = columns.length;
  let at = 0;
  // Full blocks first, then the remainder (< ROWS_PER_INSERT) as at most one of each power of two.
  for (let size = ROWS_PER_INSERT; size >= 1; size >>= 1)
    while (rows.length - at >= size) {
      const key = `${table}\u0000${columns.join(',')}\u0000${size}\u0000${doNothingOn ?? ''}`;
      let compiled = cache.get(key);
      if (compiled === undefined) {
        compiled = insertQuery(db, table, rows.slice(at, at + size), doNothingOn).compile();
        cache.set(key, compiled);
      }
      await db.executeQuery({
        ...compiled,
        parameters: parameters.slice(at * width, (at + size) * width),
      });
      at += size;
    }
}

function insertQuery<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  doNothingOn: string | undefined,
) {
  const query = db.insertInto(table).values(rows as never);
  return doNothingOn ? query.onConflict((oc) => oc.column(doNothingOn as never).doNothing()) : query;
}

/**
 * The rows' values, row by row in `columns` order, when every row has exactly these columns
 * and only primitive, defined values (what Kysely binds as parameters one to one); else null.
 */
function plainParameters(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
): unknown[] | null {
  const out: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) {
    let keys = 0;
    for (const _ in row) keys++;
    if (keys !== columns.length) return null;
    for (const column of columns) {
      const value = row[column];
      if (value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null))
        return null;
      out[i++] = value;
    }
  }
  return out;
}
