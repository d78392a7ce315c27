import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatInterval, parseInterval } from '@sitrep/feeds/poll-interval';
import { readOpml } from '@sitrep/feeds/read-opml';
import { BadInputError } from '@sitrep/schema/errors';
import { type FeedRecord, openStore, type SitrepStore } from '@sitrep/store/store';
import { readCliConfig } from '../config.ts';

const USAGE = `Usage: sitrep feeds add URL [--outlet NAME] [--every 10m]
       sitrep feeds list [--json]
       sitrep feeds remove URL
       sitrep feeds import FILE.opml [--every 10m]
       (each takes --db FILE; otherwise SITREP_DB or DATABASE_URL)

The feeds (RSS, Atom or JSON Feed) that 'sitrep watch' polls. --outlet names the outlet its
articles are credited to (default: the feed's own title); --every is how often it is polled
(default 10m, at least 1m). Adding a URL already there changes its outlet or interval.
'list' shows each feed's schedule, articles and its last error, if any.`;

/** `sitrep feeds`: returns the exit code (0 ok, 1 bad input, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`sitrep feeds: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [verb, ...rest] = args.positionals;
  if (args.values.help || !verb) {
    console.log(USAGE);
    return args.values.help ? 0 : 2;
  }
  if (!['add', 'list', 'remove', 'import'].includes(verb)) {
    console.error(`sitrep feeds: "${verb}" is not a feeds command (add, list, remove, import)\n\n${USAGE}`);
    return 2;
  }
  const wants = verb === 'list' ? 0 : 1;
  if (rest.length !== wants) {
    const what = wants === 0 ? 'no arguments' : `one ${verb === 'import' ? 'OPML file' : 'URL'}`;
    console.error(`sitrep feeds: ${verb} takes ${what}\n\n${USAGE}`);
    return 2;
  }
  const every = args.values.every === undefined ? undefined : parseInterval(args.values.every);
  const config = readCliConfig({ db: args.values.db });
  const store = await openStore(config.store);
  try {
    const now = new Date().toISOString();
    const target = rest[0] as string;
    if (verb === 'add') {
      const url = feedUrl(target);
      const outlet = args.values.outlet?.trim() || undefined;
      const result = await store.feeds.add({ url, outlet, everySeconds: seconds(every) }, now);
      console.log(`${result === 'added' ? 'added' : 'updated'} ${url}`);
    } else if (verb === 'remove') {
      const url = feedUrl(target);
      if (!(await store.feeds.remove(url)))
        throw new BadInputError(url, "is not a feed here; 'sitrep feeds list' shows them");
      console.log(`removed ${url} (its articles stay in the store)`);
    } else if (verb === 'import') return await importOpml(store, target, every, now);
    else printList(await store.feeds.list(), Boolean(args.values.json));
    return 0;
  } finally {
    await store.close();
  }
}

async function importOpml(
  store: SitrepStore,
  file: string,
  every: number | undefined,
  now: string,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BadInputError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const { feeds, problems } = readOpml(text, file);
  let added = 0;
  for (const feed of feeds)
    if (
      (await store.feeds.add({ url: feed.url, outlet: feed.outlet, everySeconds: seconds(every) }, now)) ===
      'added'
    )
      added++;
  for (const problem of problems) console.error(`sitrep feeds import: ${problem.message}`);
  console.log(
    `${added} added, ${feeds.length - added} already there${problems.length ? `, ${problems.length} skipped` : ''}`,
  );
  return problems.length > 0 ? 1 : 0;
}

function printList(feeds: FeedRecord[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(feeds, null, 2));
    return;
  }
  if (feeds.length === 0) {
    console.log("no feeds; add one with 'sitrep feeds add URL'");
    return;
  }
  for (const f of feeds) {
    const outlet = f.outlet ? `"${f.outlet}"` : "the feed's title";
    const polled = f.lastPolledAt ? `last polled ${minute(f.lastPolledAt)}` : 'not polled yet';
    console.log(
      `${f.url}\n  outlet ${outlet} · every ${formatInterval(f.everySeconds * 1000)} · ${f.articles} articles · ${polled} · next ${minute(f.nextPollAt)}`,
    );
    if (f.lastError)
      console.log(
        `  error (${f.failures} failed poll${f.failures === 1 ? '' : 's'} in a row; backing off): ${f.lastError}`,
      );
    if (f.movedTo) console.log(`  moved permanently to ${f.movedTo}: add that URL and remove this one`);
  }
}

function minute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')}Z`;
}

function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms / 1000);
}

/** http(s) only, written in full: a desk pastes addresses, and a typo should fail here, not at 3 a.m. */
function feedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadInputError(
      value,
      "is not a URL; give the feed's full address, e.g. https://example.org/rss",
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BadInputError(value, "is not an http(s) URL; give the feed's web address");
  return url.href;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      outlet: { type: 'string' },
      every: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
