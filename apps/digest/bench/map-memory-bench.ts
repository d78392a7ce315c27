/**
 * `npm run bench:map-memory [RENDERS]` (default 400): one process draws the same map over and
 * over, as `digest --all` and `digest schedule` do for edition after edition, and prints its RSS
 * every 50 renders and the render's CPU time (user + system, median), which load on a shared
 * machine moves less than wall time. A renderer that leaks climbs by the size of each render;
 * one that gives its memory back is flat after the first few. Run with `node --expose-gc`
 * (`NODE_OPTIONS=--expose-gc`) and a collection runs every 10 renders, to tell a leak from
 * memory V8 has not yet collected.
 *
 * The map: twelve places across the Levant and Iraq (a frame with a dozen borders, drawn at 2×,
 * 960 × 640), with new place names each render so that label measuring runs too.
 */
import { performance } from 'node:perf_hooks';
import type { DayData, DayEvent } from '../src/day-data.ts';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
import { buildDayMap } from '../src/map/day-map.ts';
import { renderMapPng } from '../src/map/render-map.ts';

const renders = Number(process.argv[2] ?? 400);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = () => process.memoryUsage().rss / 2 ** 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const PLACES: [string, number, number, string][] = [
  ['Adana', 37.0, 35.32, 'TR'],
  ['Amman', 31.95, 35.93, 'JO'],
  ['Nicosia', 35.17, 33.36, 'CY'],
  ['Kirkuk', 35.47, 44.39, 'IQ'],
  ['Aleppo', 36.2, 37.16, 'SY'],
  ['Gaza', 31.5, 34.47, 'PS'],
  ['Beirut', 33.89, 35.5, 'LB'],
  ['Mosul', 36.34, 43.13, 'IQ'],
  ['Baghdad', 33.31, 44.36, 'IQ'],
  ['Damascus', 33.51, 36.29, 'SY'],
];
const base = SEED_DAY_2016_12_09.events[0]!;
/** The day's events, each place named afresh per render (`Aleppo 7`) so its label is measured. */
function day(n: number): DayData {
  const events: DayEvent[] = PLACES.map(([name, lat, lon, country], i) => ({
    ...base,
    id: `e${i}`,
    canonical: null,
    kind: 'airstrike',
    place: { name: `${name} ${n}`, within: [], point: { lat, lon }, kind: 'city' },
    country,
    casualties: [
      {
        articleId: 'a',
        killed: { best: i * 7, low: null, high: null, qualifier: 'exact', group: 'people' },
        injured: null,
        reportedBy: [],
      },
    ],
  }));
  return { ...SEED_DAY_2016_12_09, events };
}

const start = mb();
console.log(`renders: ${renders}${gc ? ', gc() every 10' : ''}; RSS at start ${start.toFixed(0)} MB`);
const cpuMs: number[] = [];
const wallMs: number[] = [];
let bytes = 0;
let width = 0;
for (let r = 1; r <= renders; r++) {
  const map = buildDayMap(day(r), [])!;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const png = renderMapPng(map.panels[0]!);
  const used = process.cpuUsage(cpu);
  wallMs.push(performance.now() - t);
  cpuMs.push((used.user + used.system) / 1000);
  bytes = png.length;
  width = png.readUInt32BE(16);
  if (gc && r % 10 === 0) gc();
  if (r % 50 === 0) console.log(`${r} renders: RSS ${mb().toFixed(0)} MB`);
}
const end = mb();
console.log(
  `PNG ${(bytes / 1024).toFixed(1)} KB, ${width} px wide; render CPU median ${median(cpuMs).toFixed(1)} ms (wall ${median(wallMs).toFixed(1)} ms); RSS ${start.toFixed(0)} → ${end.toFixed(0)} MB, ${((end - start) / renders).toFixed(2)} MB per render`,
);
