/**
 * Splits rows so no statement exceeds the engines' bound-parameter limits (SQLite 32,766,
 * PostgreSQL 65,535) and no single INSERT grows large enough to hurt the query compiler.
 */
export function chunksFor<T extends object>(rows: readonly T[], maxParams = 16_000): T[][] {
  if (rows.length === 0) return [];
  const width = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.floor(maxParams / width));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function chunkIds(ids: readonly string[], size = 5_000): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * Runs `read` over the distinct values, a chunk at a time, and concatenates what it returns:
 * the reads that look rows up by a list of ids never outgrow an IN list's limits.
 */
export async function readInChunks<T>(
  values: Iterable<string>,
  read: (part: string[]) => Promise<T[]>,
  size?: number,
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunkIds([...new Set(values)], size)) out.push(...(await read(part)));
  return out;
}
