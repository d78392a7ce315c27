// `npm run bench` (here): the real `sitrep export` over a synthetic SQLite store of BENCH_SIZES
// canonical events (default 10000,100000), each format to a file, measured by /usr/bin/time:
// rows/s over the export itself (the command's own summary) and the process's peak RSS.
// Stores are kept in BENCH_DIR (default the OS temp folder) and reused when already filled.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@sitrep/store/store';
import { fillFixtureStore } from '../test/fixture-store.ts';

const SITREP = fileURLToPath(new URL('../../../apps/cli/bin/sitrep.js', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const formats = (process.env.BENCH_FORMATS ?? 'acled,ucdp,geojson,jsonl').split(',');
const dir = process.env.BENCH_DIR ?? tmpdir();

async function storeOf(events: number): Promise<string> {
  const file = join(dir, `sitrep-export-bench-${events}.db`);
  const store = await openStore({ engine: 'sqlite', file });
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

const rows: string[] = [];
for (const size of sizes) {
  const db = await storeOf(size);
  for (const format of formats) {
    for (const level of ['event', 'report']) {
      if (level === 'report' && format !== 'acled') continue;
      const out = join(dir, `sitrep-export-bench-${size}.${format}.${level}`);
      const r = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          'TIME %M %e %U %S',
          process.execPath,
          SITREP,
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
      const written = Number(summary[1]);
      const seconds = Number(summary[2]);
      rows.push(
        `| ${size} | ${format} | ${level} | ${written} | ${seconds.toFixed(1)} | ${Math.round(written / seconds)} | ${(Number(time[3]) + Number(time[4])).toFixed(1)} | ${Math.round(Number(time[1]) / 1024)} | ${(statSync(out).size / 1e6).toFixed(1)} |`,
      );
      console.error(rows.at(-1));
      rmSync(out, { force: true });
    }
  }
  console.error(`store kept for the next run: ${db} (remove it to refill)`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| reports in store | format | level | rows | export s (wall) | rows/s | process CPU s (user+sys, incl. start-up) | peak RSS MB | file MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
