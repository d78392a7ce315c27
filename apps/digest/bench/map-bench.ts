/**
 * `npm run bench:map` (and the end of `npm run bench`): the map of each issue (the events it
 * prints, as its full edition carries it) — how long its model and its PNG take (median of 5,
 * after one warm-up per day; the PNG's also in CPU time, which load on a shared machine moves
 * less than wall time) and how many bytes the PNG weighs — over every day of the corpus and, when ../shared/datasets holds it, of FA-KES
 * ingested as a desk feeds it (test/fa-kes-desk.ts; read at run time, never copied).
 * The table shows the twelve issues with the most places; `--out DIR` writes those issues there
 * (html, txt, eml, map), to look at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore } from '@sitrep/store/store';
import { buildIssue } from '../src/build-issue.ts';
import { loadConfig } from '../src/config.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import { buildDayMap } from '../src/map/day-map.ts';
import { renderMapPng } from '../src/map/render-map.ts';
import { writeDigest } from '../src/write-digests.ts';
import { hasFakes, writeDeskCsv } from '../test/fa-kes-desk.ts';

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const corpus = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-map-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
const inputs = [corpus];
if (hasFakes()) inputs.push((await writeDeskCsv(dir)).file);
else console.warn('FA-KES not found under ../shared/datasets: the corpus days only');
const t0 = performance.now();
const summary = await ingest(store, inputsFromPaths(inputs), { jobs: 1 });
console.log(`ingest: ${summary.new} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

interface Row {
  date: string;
  events: number;
  /** theatres drawn, one PNG each */
  panels: number;
  places: number;
  notDrawn: number;
  bytes: number;
  width: number;
  modelMs: number;
  renderMs: number;
  renderCpuMs: number;
}
const rows: Row[] = [];
let withoutMap = 0;
const source = graphqlSource(inProcessExecutor(store));
for (const date of await source.daysWithEvents()) {
  const day = await source.day(date);
  const issue = buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' });
  const printed = { date, events: issue.mapSource.map((m) => m.event) };
  const names = issue.countries;
  const first = buildDayMap(printed, names);
  if (!first) {
    withoutMap++;
    continue;
  }
  for (const panel of first.panels) renderMapPng(panel);
  const modelMs: number[] = [];
  const renderMs: number[] = [];
  const renderCpuMs: number[] = [];
  let pngs: Buffer[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const map = buildDayMap(printed, names)!;
    modelMs.push(performance.now() - t);
    t = performance.now();
    const cpu = process.cpuUsage();
    pngs = map.panels.map(renderMapPng);
    const used = process.cpuUsage(cpu);
    renderMs.push(performance.now() - t);
    renderCpuMs.push((used.user + used.system) / 1000);
  }
  rows.push({
    date,
    events: printed.events.length,
    panels: first.panels.length,
    places: first.panels.reduce((n, p) => n + p.places.length, 0),
    notDrawn: printed.events.length - first.panels.flatMap((p) => p.places).reduce((n, p) => n + p.events, 0),
    // the largest panel: the 60 KB budget is each image's
    bytes: Math.max(...pngs.map((png) => png.length)),
    width: Math.min(...pngs.map((png) => png.readUInt32BE(16))),
    modelMs: median(modelMs),
    renderMs: median(renderMs),
    renderCpuMs: median(renderCpuMs),
  });
}
const shown = [...rows].sort((a, b) => b.places - a.places || a.date.localeCompare(b.date)).slice(0, 12);
if (out) for (const r of shown) await writeDigest(r.date, { source, config: loadConfig({}), out });
await store.close();
rmSync(dir, { recursive: true, force: true });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  '\n| issue | events printed | panels | places drawn | events not drawn | PNG | width | model | render | render CPU |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of shown.sort((a, b) => a.date.localeCompare(b.date)))
  console.log(
    `| ${r.date} | ${r.events} | ${r.panels} | ${r.places} | ${r.notDrawn} | ${kb(r.bytes)} | ${r.width} px | ${ms(r.modelMs)} | ${ms(r.renderMs)} | ${ms(r.renderCpuMs)} |`,
  );
if (rows.length) {
  const bytes = rows.map((r) => r.bytes);
  const render = rows.map((r) => r.renderMs);
  const cpu = rows.map((r) => r.renderCpuMs);
  console.log(
    `\n${rows.length} issues with a map, ${withoutMap} without (no located event). PNG: median ${kb(median(bytes))}, largest ${kb(Math.max(...bytes))}; render: median ${ms(median(render))}, slowest ${ms(Math.max(...render))} (CPU: median ${ms(median(cpu))}, most ${ms(Math.max(...cpu))}); ${rows.filter((r) => r.width < 960).length} drawn below 2× to stay under 60 KB.`,
  );
}
