/**
 * `npm run bench`: extraction speed over FA-KES (MB/s and articles/s on one core, preparation
 * alone and the whole extraction side by side, medians of several runs), then peak memory
 * while streaming synthetic JSON Lines of 10k and 100k articles, each in a fresh process.
 * Speeds are per second of this process's CPU time, which a busy shared machine disturbs far
 * less than wall time (both are printed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

if (!existsSync(csv)) console.log(`FA-KES not found at ${csv}: throughput part skipped`);
else {
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
