// `npm run bench` (here): the real `sitrep export` over a synthetic SQLite store of BENCH_SIZES
// canonical events (default 10000,100000), each format to a file, measured by /usr/bin/time:
// rows/s over the export itself (the command's own summary), the process's CPU time (user+sys,
// start-up included: on a shared machine the steadier figure) and its peak RSS. BENCH_REPEAT
// runs each case that many times and reports medians (peak RSS: the largest).
// Stores are kept in BENCH_DIR (default the OS temp folder) and reused when already filled.
//
// Side by side: BENCH_BASELINE=<another checkout> runs that checkout's CLI too, alternating with
// this one's, on the stores its own `npm run bench` left in BENCH_BASELINE_DIR. A store missing
// here is copied from there and opened once, which migrates it: the upgrade an existing store
// goes through, timed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@sitrep/store/store';
import { fillFixtureStore } from '../test/fixture-store.ts';

const SITREP = fileURLToPath(new URL('../../../apps/cli/bin/sitrep.js', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const formats = (process.env.BENCH_FORMATS ?? 'acled,ucdp,geojson,jsonl').split(',');
const dir = process.env.BENCH_DIR ?? tmpdir();
const baseline = process.env.BENCH_BASELINE ?? null;
const baselineDir = process.env.BENCH_BASELINE_DIR ?? dir;
const repeat = Number(process.env.BENCH_REPEAT ?? (baseline ? 3 : 1));

const storeName = (events: number) => `sitrep-export-bench-${events}.db`;

async function storeOf(events: number): Promise<string> {
  const file = join(dir, storeName(events));
  const old = join(baselineDir, storeName(events));
  if (baseline && !existsSync(file) && existsSync(old)) copyFileSync(old, file);
  const opening = performance.now();
  const store = await openStore({ engine: 'sqlite', file });
  const opened = (performance.now() - opening) / 1000;
  if (opened > 1) console.error(`opened ${file} in ${opened.toFixed(1)} s (migrations included)`);
  const have = (await store.listCanonicalEvents({}, { first: 1, withTotal: true })).totalCount;
  if (have === 0) {
    const started = performance.now();
    const n = await fillFixtureStore(store, events);
    await store.optimize();
    console.error(
      `filled ${file}: ${events} reports, ${n} canonical events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  await store.close();
  return file;
}

interface Run {
  written: number;
  seconds: number;
  cpu: number;
  rssMb: number;
  fileMb: number;
}

function run(cli: string, db: string, format: string, level: string, out: string): Run {
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %M %e %U %S',
      process.execPath,
      cli,
      'export',
      '--format',
      format,
      '--level',
      level,
      '--db',
      db,
      '--out',
      out,
    ],
    { encoding: 'utf8' },
  );
  const time = /TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const summary = /^(\d+) (?:events|reports) written.*\(([\d.]+) s\)$/m.exec(r.stderr);
  if (r.status !== 0 || !time || !summary) throw new Error(`export failed: ${r.stderr}`);
  const result = {
    written: Number(summary[1]),
    seconds: Number(summary[2]),
    cpu: Number(time[3]) + Number(time[4]),
    rssMb: Math.round(Number(time[1]) / 1024),
    fileMb: statSync(out).size / 1e6,
  };
  rmSync(out, { force: true });
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const rows: string[] = [];
for (const size of sizes) {
  const db = await storeOf(size);
  const builds = baseline
    ? [
        {
          name: 'baseline',
          cli: join(baseline, 'apps/cli/bin/sitrep.js'),
          db: join(baselineDir, storeName(size)),
        },
        { name: 'this', cli: SITREP, db },
      ]
    : [{ name: 'this', cli: SITREP, db }];
  for (const format of formats) {
    for (const level of ['event', 'report']) {
      if (level === 'report' && format !== 'acled') continue;
      const runs = new Map<string, Run[]>(builds.map((b) => [b.name, []]));
      for (let i = 0; i < repeat; i++)
        for (const b of builds)
          runs
            .get(b.name)!
            .push(
              run(b.cli, b.db, format, level, join(dir, `sitrep-export-bench-${size}.${format}.${level}`)),
            );
      for (const b of builds) {
        const rs = runs.get(b.name)!;
        const seconds = median(rs.map((r) => r.seconds));
        const rate = median(rs.map((r) => r.written / r.seconds));
        rows.push(
          `| ${size} | ${format} | ${level}${baseline ? ` | ${b.name}` : ''} | ${rs[0]!.written} | ${seconds.toFixed(1)} | ${Math.round(rate)} | ${median(rs.map((r) => r.cpu)).toFixed(1)} | ${Math.max(...rs.map((r) => r.rssMb))} | ${rs[0]!.fileMb.toFixed(1)} |`,
        );
        console.error(rows.at(-1));
      }
    }
  }
  console.error(`store kept for the next run: ${db} (remove it to refill)`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; medians of ${repeat} run(s)`,
);
console.log(
  `| reports in store | format | level${baseline ? ' | build' : ''} | rows | export s (wall) | rows/s | process CPU s (user+sys, incl. start-up) | peak RSS MB | file MB |`,
);
console.log(`| --- | --- | ---${baseline ? ' | ---' : ''} | --- | --- | --- | --- | --- | --- |`);
for (const r of rows) console.log(r);
