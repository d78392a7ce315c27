/**
 * `npm run bench`: extraction speed over FA-KES (MB/s and articles/s on one core, preparation
 * alone and the whole extraction side by side, medians of several runs), then peak memory
 * while streaming synthetic JSON Lines of 10k and 100k articles, each in a fresh process.
 * Speeds are per second of this process's CPU time, which a busy shared machine disturbs far
 * less than wall time (both are printed).
 *
 * Then the way a user runs it (issue 14's proof): the whole `sitrep extract` process over FA-KES
 * repeated 10 times (≈ 16 MB, built in a temp folder) with its output to /dev/null — wall-clock
 * MB/s and peak RSS (GNU time) — one article's start-up, and what the world gazetteer costs to
 * load and hold. `--only=process` runs just that part; `--repeat=N` changes the 10, `--runs=N` the
 * number of whole-process runs (2), and `--against=DIR` runs another checkout beside this one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/extract-article.ts';
import type { RawArticle } from '../src/read/raw-article.ts';
import { readInputs } from '../src/read/read-inputs.ts';
import { prepareDocument } from '../src/text/prepare-document.ts';
import { writeSyntheticJsonl } from './synthetic-articles.ts';

const RUNS = 5;
const args = process.argv.slice(2);
const csv =
  args.find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../../../../shared/datasets/fa-kes/FA-KES-Dataset.csv', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const only = args.find((a) => a.startsWith('--only='))?.slice(7) ?? null;
if (!existsSync(csv)) console.log(`FA-KES not found at ${csv}: throughput part skipped`);
else if (only === null) {
  const raws: RawArticle[] = [];
  for await (const item of readInputs([csv])) if (item.ok) raws.push(item.raw);
  const bytes = raws.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
  const stages = { prepare: prepareDocument, 'whole extraction': extractArticle } as const;
  console.log(
    `\nFA-KES: ${raws.length} articles, ${(bytes / 1e6).toFixed(2)} MB, median of ${RUNS} runs after one warm-up\n`,
  );
  console.log('| stage | MB/s (CPU time) | articles/s (CPU time) | CPU ms per run | wall ms per run |');
  console.log('|---|---|---|---|---|');
  for (const [name, stage] of Object.entries(stages)) {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const raw of raws) stage(raw);
      const c = process.cpuUsage(c0);
      if (run > 0) {
        cpu.push((c.user + c.system) / 1000);
        wall.push(performance.now() - t0);
      }
    }
    const ms = median(cpu);
    console.log(
      `| ${name} | ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} | ${Math.round(raws.length / (ms / 1000))} | ${ms.toFixed(0)} | ${median(wall).toFixed(0)} |`,
    );
  }
  console.log(`\npeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

if (existsSync(csv) && (only === null || only === 'process')) await wholeProcess(csv);

/**
 * `sitrep extract` as a user runs it: a fresh process, FA-KES × N to /dev/null, timed by GNU time.
 * `--against=DIR` runs another checkout's `sitrep` (with its own node_modules) beside this one,
 * alternating, so both see the same load: medians and this code's ratio to it.
 */
async function wholeProcess(source: string): Promise<void> {
  const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 10);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 2);
  const against = args.find((a) => a.startsWith('--against='))?.slice(10) ?? null;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-process-'));
  const here = fileURLToPath(new URL('../../../', import.meta.url));
  const codes = [{ name: 'this', root: here }, ...(against ? [{ name: 'against', root: against }] : [])];
  const seed = fileURLToPath(new URL('../../../corpus/000_ea18342763ee7f17.txt', import.meta.url));
  try {
    // the header once, the rows N times: one CSV of N × 804 articles
    const text = readFileSync(source, 'utf8');
    const cut = text.indexOf('\n') + 1;
    const big = join(dir, `fa-kes-x${repeat}.csv`);
    writeFileSync(big, text.slice(0, cut) + text.slice(cut).repeat(repeat));
    const mb = Buffer.byteLength(readFileSync(big)) / 1e6;
    const timed = (root: string, file: string) => {
      const sitrep = join(root, 'apps/cli/bin/sitrep.js');
      const r = spawnSync(
        '/usr/bin/time',
        ['-f', '%e %U %S %M', 'sh', '-c', `"${process.execPath}" "${sitrep}" extract "${file}" > /dev/null`],
        { encoding: 'utf8' },
      );
      const last = r.stderr.trim().split('\n').pop() ?? '';
      const [wall, user, sys, rssKb] = last.split(' ').map(Number) as [number, number, number, number];
      const summary = r.stderr.split('\n').find((l) => l.startsWith('sitrep extract:')) ?? '';
      return { wall, cpu: user + sys, rssMb: rssKb / 1024, summary };
    };
    const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    // one untimed run each: a compiled CLI builds its cache on the first run after a change
    for (const code of codes) timed(code.root, seed);
    console.log(
      `\nWhole process: sitrep extract over FA-KES × ${repeat} (${mb.toFixed(1)} MB) > /dev/null${against ? `, this checkout and ${against} alternating` : ''}\n`,
    );
    console.log(
      '| run | code | wall s | MB/s (wall) | CPU s | MB/s (CPU) | peak RSS MB | load average before |\n|---|---|---|---|---|---|---|---|',
    );
    const whole = new Map(codes.map((c) => [c.name, [] as ReturnType<typeof timed>[]]));
    for (let run = 1; run <= runs; run++)
      for (const code of codes) {
        const before = load();
        const r = timed(code.root, big);
        whole.get(code.name)?.push(r);
        console.log(
          `| ${run} | ${code.name} | ${r.wall.toFixed(1)} | ${(mb / r.wall).toFixed(2)} | ${r.cpu.toFixed(1)} | ${(mb / r.cpu).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${before} |`,
        );
        if (run === 1) console.log(`  (${r.summary})`);
      }
    const starts = new Map(codes.map((c) => [c.name, [] as ReturnType<typeof timed>[]]));
    for (let run = 1; run <= 5; run++)
      for (const code of codes) starts.get(code.name)?.push(timed(code.root, seed));
    console.log(
      `\nMedians (load ${load()}): whole process over ${runs} runs, one-article start-up (sitrep extract corpus/000 > /dev/null) over 5\n`,
    );
    console.log(
      '| code | MB/s (wall) | MB/s (CPU) | peak RSS MB | start-up wall s | start-up CPU s | start-up RSS MB |\n|---|---|---|---|---|---|---|',
    );
    const med = (name: string, pick: (r: ReturnType<typeof timed>) => number, from = whole) =>
      median((from.get(name) ?? []).map(pick));
    for (const code of codes)
      console.log(
        `| ${code.name} | ${(mb / med(code.name, (r) => r.wall)).toFixed(2)} | ${(mb / med(code.name, (r) => r.cpu)).toFixed(2)} | ${med(code.name, (r) => r.rssMb).toFixed(0)} | ${med(code.name, (r) => r.wall, starts).toFixed(2)} | ${med(code.name, (r) => r.cpu, starts).toFixed(2)} | ${med(code.name, (r) => r.rssMb, starts).toFixed(0)} |`,
      );
    if (against) {
      const ratio = (pick: (r: ReturnType<typeof timed>) => number, from = whole) =>
        (med('this', pick, from) / med('against', pick, from)).toFixed(2);
      console.log(
        `| this / against | ${ratio((r) => r.wall)} of the wall time | ${ratio((r) => r.cpu)} of the CPU | ${ratio((r) => r.rssMb)} | ${ratio((r) => r.wall, starts)} | ${ratio((r) => r.cpu, starts)} | ${ratio((r) => r.rssMb, starts)} |`,
      );
    }
    // the gazetteer alone, in a fresh process, for each code: load time (wall and CPU) and what it
    // holds — on V8's heap, outside it (Buffers), and in RSS
    console.log('');
    for (const code of codes) {
      const gazetteer = join(code.root, 'packages/extract/src/places/world-gazetteer.ts');
      const probe = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--expose-gc',
          '-e',
          `const { loadWorld } = await import(${JSON.stringify(gazetteer)});
         globalThis.gc(); const m0 = process.memoryUsage(); const c0 = process.cpuUsage();
         const w = loadWorld(); const c = process.cpuUsage(c0); globalThis.gc(); const m = process.memoryUsage();
         console.log(JSON.stringify({ ms: w.loadMs, cpuMs: (c.user + c.system) / 1000, heapMb: (m.heapUsed - m0.heapUsed) / 1e6, externalMb: (m.external - m0.external) / 1e6, rssMb: (m.rss - m0.rss) / 1e6, places: w.places, keys: w.names }));`,
        ],
        { encoding: 'utf8' },
      );
      const g = JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}');
      console.log(
        `world gazetteer (${code.name}): ${g.places} places, ${g.keys} folded names; load ${g.ms?.toFixed(0)} ms wall, ${g.cpuMs?.toFixed(0)} ms CPU; holds ${g.heapMb?.toFixed(1)} MB of heap, ${g.externalMb?.toFixed(1)} MB outside it (+${g.rssMb?.toFixed(0)} MB RSS)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only !== null) process.exit(0);

// `npm run bench -- --sizes=1000,5000` for a quicker run.
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10000,100000').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const child = fileURLToPath(new URL('./stream-extract.ts', import.meta.url));
try {
  console.log(
    '\nStreaming synthetic JSON Lines (sitrep extract path: read → extract → serialise), fresh process each\n',
  );
  console.log(
    '| articles | file MB | problems | wall s | CPU s | articles/s (CPU) | peak RSS MB |\n|---|---|---|---|---|---|---|',
  );
  for (const size of sizes) {
    const file = join(dir, `synthetic-${size}.jsonl`);
    const fileBytes = await writeSyntheticJsonl(file, size);
    const t0 = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', child, file], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (result.status !== 0) throw new Error(`streaming run failed: ${result.stderr}`);
    const run = JSON.parse(result.stdout) as {
      articles: number;
      problems: number;
      cpuMs: number;
      maxRssKb: number;
    };
    const cpu = run.cpuMs / 1000;
    console.log(
      `| ${run.articles} | ${(fileBytes / 1e6).toFixed(1)} | ${run.problems} | ${seconds.toFixed(1)} | ${cpu.toFixed(1)} | ${Math.round(run.articles / cpu)} | ${(run.maxRssKb / 1024).toFixed(0)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
