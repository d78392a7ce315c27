import { availableParallelism, loadavg } from 'node:os';
import { SkippedCount } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';
import { readExtractThreads, threadCount } from '../config.ts';
import { renderedBatches, type ThreadReport } from '../extract-threads/parallel-batches.ts';
import { FORMATS, type Format } from '../extract-threads/rendered-item.ts';

/**
 * Threads used when neither --threads nor SITREP_THREADS says: one a core, up to this. Each
 * thread past the first holds its own compiled code, caches and gazetteer (≈ 60–90 MB on
 * FA-KES, packages/extract/bench/README.md), and the 400 MB a run may take was measured on two.
 */
const DEFAULT_MAX_THREADS = 2;

const USAGE = `Usage: sitrep extract <files or folders...> [--format jsonl|json|pretty] [--strict] [--threads N]

Reads .txt/.md (folders recursively, YAML front matter allowed), CSV with a header row and
JSON Lines, and prints one extracted article per line (jsonl, the default), one JSON array
(json) or a summary for a person (pretty). Problems go to stderr, one line each; the exit
code is non-zero only if nothing could be read, or with --strict if anything could not.

An input of 200 articles or 1 MB of text and more is extracted on as many threads as there are
cores, up to ${DEFAULT_MAX_THREADS} (one while the load average is twice the cores); --threads N (or
SITREP_THREADS=N) sets the number, at most one a core, 1 for one thread. The output is the
same, byte for byte, whatever the number.`;

interface Options {
  paths: string[];
  format: Format;
  strict: boolean;
  threads: number | null;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { paths: [], format: 'jsonl', strict: false, threads: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--strict') options.strict = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (!FORMATS.includes(value as Format))
        return `--format must be one of ${FORMATS.join(', ')} (got ${value ?? 'nothing'})`;
      options.format = value as Format;
    } else if (arg === '--threads' || arg.startsWith('--threads=')) {
      const value = arg.includes('=') ? arg.slice(10) : argv[++i];
      options.threads = threadCount(value ?? '');
      if (options.threads === null)
        return `--threads must be a whole number from 1 up (got ${value ?? 'nothing'})`;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.paths.push(arg);
  }
  return options.paths.length === 0 ? 'give at least one file or folder' : options;
}

/** Writes and waits when the pipe is full, so a slow reader never makes output pile up in memory. */
async function write(text: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * Output gathered into writes of about 64 KB: one stream write per article (≈ 16 KB of JSON
 * each on FA-KES) cost a Buffer, a stream turn and a system call each — ≈ 30% of what
 * serialising the article costs. Flushed before anything goes to stderr, so the two streams
 * keep their order on a terminal.
 */
class Output {
  private parts: (string | Uint8Array)[] = [];
  private size = 0;
  /** whether a part is bytes (a worker's article) */
  private bytes = false;

  async add(text: string | Uint8Array): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (typeof text !== 'string') this.bytes = true;
    if (this.size >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const { parts } = this;
    const text =
      parts.length === 1
        ? (parts[0] as string | Uint8Array)
        : this.bytes
          ? Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
          : parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes = false;
    await write(text);
  }
}

/**
 * One thread a core, up to DEFAULT_MAX_THREADS — or one when the machine is crowded (a 1-minute
 * load average of two a core or more): a second thread then gets no core of its own, only its
 * cost (its warm-up, a second heap). On the 2-core machine at load 6–9, FA-KES × 10 took 38–57 s
 * on two threads against 33–34 s on one; at load 1.6–2.4, where the load is mostly sitrep's own
 * last run (one process and V8's helper threads make ≈ 1.5), two threads took 15.7–16.4 s against
 * 18.3–19.0 (packages/extract/bench/README.md, 23:40 UTC) — a threshold of one a core turned that
 * gain off after any earlier run.
 */
function defaultThreads(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  return load >= 2 * cores ? 1 : Math.min(cores, DEFAULT_MAX_THREADS);
}

/** `sitrep extract`: returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`sitrep extract: ${options}\n\n${USAGE}`);
    return 2;
  }
  // never more than the cores: each thread past them would only add its memory and warm-up
  const asked = options.threads ?? readExtractThreads();
  const threads = asked === null ? defaultThreads() : Math.min(asked, availableParallelism());
  let articles = 0;
  let problems = 0;
  const skipped = new SkippedCount();
  const out = new Output();
  const report: ThreadReport = { workers: 0, failure: null };
  if (options.format === 'json') await out.add('[');
  for await (const batch of renderedBatches(readInputs(options.paths), options.format, { threads }, report))
    for (const item of batch) {
      if (!item.ok) {
        problems++;
        await out.flush();
        console.error(`sitrep extract: ${item.line}`);
        continue;
      }
      if (item.warnings.length > 0) await out.flush();
      for (const warning of item.warnings) console.error(`sitrep extract: warning: ${warning}`);
      if (options.format === 'json') await out.add(articles === 0 ? '\n' : ',\n');
      await out.add(item.text);
      skipped.add(item.skipped);
      articles++;
    }
  if (options.format === 'json') await out.add(articles > 0 ? '\n]\n' : ']\n');
  await out.flush();
  const unread = skipped.describe();
  console.error(
    `sitrep extract: ${articles} article${articles === 1 ? '' : 's'} extracted${unread ? ` (${unread})` : ''}, ${problems} problem${problems === 1 ? '' : 's'}`,
  );
  if (report.failure) {
    // Nothing was lost (its articles were extracted again in this thread), but this is a bug.
    console.error(
      `sitrep extract: the second extraction thread stopped (${report.failure}); its articles were extracted in the main thread, so the output above is complete — please report this, and use --threads 1 meanwhile`,
    );
    return 1;
  }
  if (articles === 0) return 1;
  return options.strict && problems > 0 ? 1 : 0;
}
