// One streaming extraction in its own process, so its peak RSS is its own.
import { extractAll } from '../src/extract-article.ts';
import { readInputs } from '../src/read/read-inputs.ts';

let articles = 0;
let problems = 0;
let chars = 0;
for await (const item of extractAll(readInputs([process.argv[2] as string]))) {
  if (!item.ok) {
    // Counted, not fatal: the command goes on past a bad record, and so does the bench.
    if (problems++ === 0) console.error(item.error.message);
    continue;
  }
  // Serialise as `sitrep extract --format jsonl` would, without keeping anything.
  chars += JSON.stringify(item.article).length;
  articles++;
}
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    articles,
    problems,
    chars,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
