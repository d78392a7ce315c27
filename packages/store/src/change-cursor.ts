import { badInput } from './read/cursor.ts';

// A change cursor names one row of canonical_changes by its number. The number is the table's
// own (migration 0012), so a cursor outlives restarts and is the same from every API process.
const PREFIX = 'chg1:';

export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url');
}

/** Whether `cursor` is a change cursor (any number; whether the feed reaches it is the store's to say). */
export function isChangeCursor(cursor: string): boolean {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return (
    text.startsWith(PREFIX) &&
    /^\d+$/.test(text.slice(PREFIX.length)) &&
    encodeChangeCursor(Number(text.slice(PREFIX.length))) === cursor
  );
}

export function decodeChangeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw badInput(
      `change cursor "${cursor.slice(0, 40)}" is not one this API issued; use a cursor from changes (or export --since), or start again without one`,
    );
  return seq;
}
