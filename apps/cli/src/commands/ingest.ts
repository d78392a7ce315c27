import { parseArgs } from 'node:util';
import { readHtmlFile } from '@sitrep/feeds/read-html-file';
import {
  DEFAULT_BATCH_SIZE,
  type IngestInput,
  ingest,
  inputsFromPaths,
  summaryLine,
} from '@sitrep/ingest/ingest';
import { readExtractedJsonl } from '@sitrep/ingest/read-extracted';
import { SitrepError } from '@sitrep/schema/errors';
import { openStore } from '@sitrep/store/store';
import cliProgress from 'cli-progress';
import { readCliConfig } from '../config.ts';

const USAGE = `Usage: sitrep ingest <files or folders...> [--db FILE] [--batch-size N] [--jobs N] [--no-progress]
       sitrep ingest --extracted <records.jsonl...>   (the output of sitrep extract --format jsonl)

Reads .txt/.md (with optional front matter), .csv, .jsonl and saved web pages (.html, their
article taken with Readability, as 'sitrep watch' reads a fetched page), extracts articles, claims
and events, and stores them (SITREP_DB, default data/sitrep.db; DATABASE_URL for PostgreSQL).
Idempotent: unchanged articles are skipped, changed ones replaced. Safe to re-run after a crash.
--jobs N extracts in N worker threads (1 = this thread only; default 1 below 4 cores, else one
per core but one); records are stored in input order whatever N is. An article over
SITREP_MAX_ARTICLE_KB kilobytes of text (default 200) is refused; the rest is stored.
Ends with a line such as "2 new, 1 changed, 5 unchanged".`;

/** `sitrep ingest`: returns the exit code (0 ok, 1 some inputs failed, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`sitrep ingest: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length === 0) {
    console.error(`sitrep ingest: give at least one file or folder\n\n${USAGE}`);
    return 2;
  }
  const batchSize = Number(args.values['batch-size'] ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('sitrep ingest: --batch-size must be a whole number of at least 1');
    return 2;
  }
  const jobs = args.values.jobs === undefined ? undefined : Number(args.values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    console.error('sitrep ingest: --jobs must be a whole number of at least 1 (1 extracts in this thread)');
    return 2;
  }
  const config = readCliConfig({ db: args.values.db });
  const store = await openStore(config.store);
  try {
    const showBar = process.stderr.isTTY && !args.values['no-progress'];
    const extracted = Boolean(args.values.extracted);
    const inputs = (): AsyncIterable<IngestInput> =>
      extracted
        ? readExtractedJsonl(args.positionals)
        : inputsFromPaths(args.positionals, undefined, {
            readers: { '.html': readHtmlFile, '.htm': readHtmlFile },
          });
    // Reading without extracting, for the bar's total.
    const total = showBar ? await count(inputs()) : 0;
    const bar = showBar
      ? new cliProgress.SingleBar(
          {
            format:
              'ingest [{bar}] {value}/{total} articles | {rate}/s | ETA {eta_formatted} | {new} new, {changed} changed',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    const problems: string[] = [];
    const started = Date.now();
    bar?.start(total, 0, { rate: '0', new: 0, changed: 0 });
    const summary = await ingest(store, inputs(), {
      batchSize,
      jobs,
      maxArticleBytes: config.ingest.maxArticleBytes,
      onProgress: (p) => {
        const rate = (p.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
        bar?.update(p.done, { rate, new: p.counts.new, changed: p.counts.changed });
      },
      // The same lines `sitrep extract` prints: a front-matter key that is not used, a date ignored.
      onWarning: (warning) => {
        if (bar) problems.push(`warning: ${warning}`);
        else console.error(`sitrep ingest: warning: ${warning}`);
      },
      onProblem: (source, message) => {
        // Under a progress bar, problems wait until it is gone so neither garbles the other.
        if (bar) problems.push(`${source}: ${message}`);
        else console.error(`sitrep ingest: ${source}: ${message}`);
      },
    });
    bar?.stop();
    if (summary.new + summary.changed > 0) await store.optimize();
    for (const p of problems) console.error(`sitrep ingest: ${p}`);
    console.log(summaryLine(summary));
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof SitrepError) {
      console.error(`sitrep ingest: ${error.message} [${error.code}]`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

async function count(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'batch-size': { type: 'string' },
      jobs: { type: 'string' },
      'no-progress': { type: 'boolean' },
      extracted: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
