/**
 * `npx tsx scripts/tie-places-to-geonames.ts`: ties each curated place (data/places.json) to its
 * GeoNames populated place where there is one — same country, a name or alias with the same
 * folded key, within 15 km of the curated coordinates — and writes its `geonamesId`, `admin1`,
 * `admin2` and `population`. Run after `npm run build:places`, then build again so every tied
 * place is kept in data/world-places.json whatever its size. Prints the places left untied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { foldName } from '../src/places/fold-name.ts';
import { loadWorld, rowPlace } from '../src/places/world-gazetteer.ts';

const path = new URL('../data/places.json', import.meta.url);
const file = JSON.parse(readFileSync(path, 'utf8'));
const w = loadWorld();
const km = (a: number, b: number, c: number, d: number) => {
  const r = Math.PI / 180;
  const x =
    Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
};
const untied: string[] = [];
for (const p of file.places) {
  if (p.kind === 'country' || p.kind === 'region' || p.kind === 'governorate' || p.lat === null) continue;
  let best: { index: number; d: number } | null = null;
  for (const name of [p.name, ...p.aliases])
    for (const e of w.lookup(foldName(name)) ?? []) {
      if (e.type !== 'row') continue;
      const g = rowPlace(e.index);
      if (g.country !== p.country || g.lat === null || g.lon === null) continue;
      const d = km(p.lat, p.lon, g.lat, g.lon);
      if (d <= 15 && (!best || d < best.d)) best = { index: e.index, d };
    }
  if (!best) {
    untied.push(p.id);
    continue;
  }
  const g = rowPlace(best.index);
  Object.assign(p, {
    geonamesId: g.geonamesId,
    admin1: g.admin1,
    admin2: g.admin2,
    population: g.population,
  });
}
writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
console.log(`untied (${untied.length}): ${untied.join(', ')}`);
