import { parseArgs } from 'node:util';
import { type CycleSummary, type FeedReport, pollCycle } from '@sitrep/feeds/poll-cycle';
import { watchFeeds } from '@sitrep/feeds/watch-loop';
import { summaryLine } from '@sitrep/ingest/ingest';
import { openStore } from '@sitrep/store/store';
import { type EventAnnouncer, redisAnnouncer } from '../announce-events.ts';
import { readCliConfig } from '../config.ts';

const USAGE = `Usage: sitrep watch [--once] [--db FILE] [--jobs N] [--quiet]

Polls the feeds of 'sitrep feeds' (each on its own interval) and ingests every new item: its
page is fetched and read with Readability, the feed's title, link, date and outlet become the
article's metadata, and the article is extracted, stored and clustered like 'sitrep ingest'.
--once polls every feed once, then ends with a line such as "2 new, 1 changed, 5 unchanged".
Without it, runs until Ctrl-C (SIGINT) or SIGTERM, finishing the round in progress. It can run
beside 'sitrep serve' on the same store, or inside it ('sitrep serve --watch').
Environment: SITREP_DB or DATABASE_URL; SITREP_FEEDS_USER_AGENT, SITREP_FEEDS_HOST_DELAY_MS,
SITREP_FEEDS_TIMEOUT_MS (see packages/feeds/README.md); REDIS_URL and SITREP_REDIS_PREFIX as for
'sitrep serve': with them, new events are announced to the API processes' subscribers.`;

/** `sitrep watch`: returns the exit code (0 ok, 1 a feed or an item failed in a --once run, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    console.error(`sitrep watch: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    console.error('sitrep watch: --jobs must be a whole number of at least 1 (1 extracts in this thread)');
    return 2;
  }
  const config = readCliConfig({ db: values.db });
  const store = await openStore(config.store);
  const quiet = Boolean(values.quiet);
  // Beside `sitrep serve` in another process, subscribers hear of new events through Redis.
  const announcer: EventAnnouncer | null = config.redis
    ? redisAnnouncer(config.redis, (line) => console.error(`sitrep watch: warning: ${line}`))
    : null;
  const options = {
    onRecord: announcer
      ? (record: Parameters<EventAnnouncer['take']>[0]) => announcer.take(record)
      : undefined,
    config: config.feeds,
    // Small batches: a reader sees each article soon after it is read, not after a hundred more.
    ingest: { jobs, maxArticleBytes: config.ingest.maxArticleBytes, batchSize: 20 },
    onFeed: quiet ? undefined : (report: FeedReport) => console.error(feedLine(report)),
    onNote: quiet ? undefined : (note: string) => console.error(`sitrep watch: note: ${note}`),
    onProblem: (source: string, message: string) => console.error(`sitrep watch: ${source}: ${message}`),
  };
  try {
    if (values.once) {
      if ((await store.feeds.list()).length === 0) {
        console.error("sitrep watch: no feeds to poll; add one with 'sitrep feeds add URL'");
        console.log(summaryLine({ new: 0, changed: 0, unchanged: 0, failed: 0 }));
        return 0;
      }
      const summary = await pollCycle(store, { ...options, all: true });
      await announcer?.flush();
      if (summary.new + summary.changed > 0) await store.optimize();
      console.log(summaryLine(summary));
      return summary.failed > 0 || summary.failedFeeds > 0 ? 1 : 0;
    }
    const stop = new AbortController();
    const halt = () => stop.abort();
    process.once('SIGINT', halt).once('SIGTERM', halt);
    console.error(
      `sitrep watch: polling ${(await store.feeds.list()).length} feeds; Ctrl-C stops after the round in progress`,
    );
    await watchFeeds(
      store,
      {
        ...options,
        onCycle: async (summary) => {
          await announcer?.flush();
          console.log(`${new Date().toISOString()} ${cycleLine(summary)}`);
        },
        onError: (error) =>
          console.error(`sitrep watch: the round failed (${error.message}); retrying in 30 s`),
      },
      stop.signal,
    );
    return 0;
  } finally {
    await announcer?.close();
    await store.close();
  }
}

function feedLine(r: FeedReport): string {
  if (r.status === 'failed') return `sitrep watch: ${r.url}: failed: ${r.error}; next try ${r.nextPollAt}`;
  if (r.status === 'not-modified') return `sitrep watch: ${r.url}: not modified`;
  const later = r.deferred ? `, ${r.deferred} left for the next poll` : '';
  return `sitrep watch: ${r.url}: ${r.read} read, ${r.seen} seen before${later}`;
}

function cycleLine(s: CycleSummary): string {
  const feeds = `${s.feeds} feeds polled (${s.notModified} not modified${s.failedFeeds ? `, ${s.failedFeeds} failed` : ''})`;
  return `${feeds}: ${summaryLine(s)}`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      once: { type: 'boolean' },
      db: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
