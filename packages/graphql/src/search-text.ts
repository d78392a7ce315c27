import { userError } from './user-error.ts';

/**
 * The longest text a search argument takes: far more than any name, alias or handful of words a
 * person searches for (full-text search reads the first 32 words anyway). Longer strings only
 * cost the database: SQLite refuses a LIKE pattern over 50,000 bytes, which reached clients as
 * an internal error, and PostgreSQL scans with whatever it is given.
 */
export const MAX_SEARCH_LENGTH = 500;

/** `value` when it is short enough to search for; a BAD_USER_INPUT naming the argument otherwise. */
export function searchText(argument: string, value: string): string {
  if (value.length > MAX_SEARCH_LENGTH)
    throw userError(
      'BAD_USER_INPUT',
      `${argument} is ${value.length} characters long; search with at most ${MAX_SEARCH_LENGTH} characters (a name or a few words).`,
    );
  return value;
}
