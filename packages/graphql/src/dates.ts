import { IsoDate } from '@sitrep/schema/primitives';
import { userError } from './user-error.ts';

/** A date argument: YYYY-MM-DD or nothing; anything else is the caller's mistake, said plainly. */
export function dateArg(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (!IsoDate.safeParse(value).success)
    throw userError('BAD_USER_INPUT', `${name} must be a date written YYYY-MM-DD (got "${value}").`);
  return value;
}
