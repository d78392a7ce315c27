import { SitrepError } from '@sitrep/schema/errors';
import { MAX_PAGE, type PageArgs } from '../query-types.ts';

export type SortKey = string | number;

/** A cursor is the position of one row in one ordering: (ordering, sort key, id). */
export function encodeCursor(order: string, key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([order, key, id])).toString('base64url');
}

export function decodeCursor(cursor: string, order: string): { key: SortKey; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  )
    throw badInput(
      `cursor "${cursor.slice(0, 40)}" is not one this API issued; start again without after/before`,
    );
  if (parsed[0] !== order)
    throw badInput(
      `this cursor belongs to orderBy ${String(parsed[0])}, not ${order}; keep orderBy the same while paging`,
    );
  return { key: parsed[1], id: parsed[2] };
}

export const DEFAULT_PAGE = 20;

/** Validates first/last and picks the direction: forward unless `last` is given. */
export function pageShape(page: PageArgs<string>): {
  forward: boolean;
  limit: number;
  cursor: string | null;
} {
  if (page.first != null && page.last != null)
    throw badInput('give either first (with after) or last (with before), not both');
  const n = page.first ?? page.last ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE)
    throw badInput(`first/last must be a whole number from 0 to ${MAX_PAGE} (got ${n})`);
  const forward = page.last == null;
  return { forward, limit: n, cursor: (forward ? page.after : page.before) ?? null };
}

export function badInput(message: string): SitrepError {
  return new SitrepError('BAD_USER_INPUT', message);
}
