import { readFileSync } from 'node:fs';
import { Outlet } from '@sitrep/schema/outlet';
import { parseOrThrow } from '@sitrep/schema/validate';

/** Case and punctuation do not distinguish outlets: "TRTWorld" = "TRT World" = "trt world". */
export function outletKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

let cache: { list: Outlet[]; byKey: Map<string, Outlet> } | null = null;

/** The curated outlets in data/outlets.json, validated once. */
export function loadOutlets(): { list: Outlet[]; byKey: Map<string, Outlet> } {
  if (cache) return cache;
  const file = new URL('../../data/outlets.json', import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { _source?: unknown; outlets?: unknown };
  if (typeof json._source !== 'string')
    throw new Error('data/outlets.json needs a _source header saying where entries come from');
  const data = { outlets: parseOrThrow(Outlet.array(), json.outlets, 'data/outlets.json') };
  const byKey = new Map<string, Outlet>();
  for (const outlet of data.outlets)
    for (const name of [outlet.id, outlet.name, ...outlet.aliases]) byKey.set(outletKey(name), outlet);
  cache = { list: data.outlets, byKey };
  return cache;
}

/** The known outlet for a name, or null when Sitrep does not know it. */
export function findOutlet(name: string): Outlet | null {
  return loadOutlets().byKey.get(outletKey(name)) ?? null;
}

/** `{ id, name }` for an article: the known outlet, else the name as given. */
export function outletRef(name: string): { id: string | null; name: string } {
  const known = findOutlet(name);
  return known ? { id: known.id, name: known.name } : { id: null, name: name.trim() };
}
