import { decodeGlobalID } from '@pothos/plugin-relay';

/**
 * Arguments that name a record take either its global ID (what `id` fields return) or the
 * store's own id (`evt_…`, `aleppo`), so a person can paste either one.
 */
export function localId(value: string | number, typename: string): string {
  const raw = String(value);
  try {
    const decoded = decodeGlobalID(raw);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not base64 of "Type:id": a store id
  }
  return raw;
}
