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
