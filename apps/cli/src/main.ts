import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '@sitrep/schema/errors';

const USAGE = `sitrep — conflict reporting in, structured record out

Usage:
  sitrep extract <files or folders...> [--format jsonl|json|pretty] [--strict]
  sitrep ingest <files or folders...>        store articles (SITREP_DB or DATABASE_URL)
  sitrep recluster [--db FILE]               rebuild the canonical events from every stored article
  sitrep export --format acled|ucdp|geojson|jsonl [--level event|report] [--from --to --countries --kinds] [--out FILE]
  sitrep feeds add URL | list | remove URL | import FILE.opml   the feeds to watch
  sitrep watch [--once]                      poll the feeds and ingest what they publish
  sitrep serve [--port 4000] [--watch]       GraphQL API over the store (--watch: and poll the feeds)
  sitrep digest --date YYYY-MM-DD --out DIR  daily situation report (also: --all, send, preview, schedule, bounces)
  sitrep subscribers import FILE | export    the digest's subscribers in the store (also: suppressed)
  sitrep start                               ingest corpus/ if needed, then serve

Run 'sitrep <command> --help' for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

/** Commands over the library packages run in this process, one file each under commands/. */
const inProcess: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./commands/extract.ts')).run,
  ingest: async () => (await import('./commands/ingest.ts')).run,
  recluster: async () => (await import('./commands/recluster.ts')).run,
  export: async () => (await import('./commands/export.ts')).run,
  feeds: async () => (await import('./commands/feeds.ts')).run,
  watch: async () => (await import('./commands/watch.ts')).run,
};

/**
 * Commands that are apps run as their own process: apps never import each other, and a
 * server or a mail run is better off with a process of its own anyway. Both are dependencies
 * in package.json all the same, so npm links them and turbo sees what this command runs.
 */
const apps: Record<string, string> = {
  serve: '@sitrep/api/main',
  digest: '@sitrep/digest/main',
  subscribers: '@sitrep/digest/subscribers-main',
};

function runApp(specifier: string, argv: string[]): Promise<number> {
  const entry = fileURLToPath(import.meta.resolve(specifier));
  return new Promise((resolve) => {
    // tsx as resolved from here: a bare `--import tsx` is resolved from the working directory,
    // which fails wherever the user stands outside the checkout.
    const tsx = import.meta.resolve('tsx');
    // An IPC channel the child watches (die-with-parent.ts): it closes when this process dies.
    // (a URL, not import.meta.resolve: the compiled CLI runs from a cache folder, where only
    // import.meta.url still says where this file is — see bin/compiled-cli.js)
    const guard = new URL('./die-with-parent.ts', import.meta.url).href;
    const child = spawn(process.execPath, ['--import', tsx, '--import', guard, entry, ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', forward).once('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'start') return await start(rest);
    const load = inProcess[command];
    if (load) return await (await load())(rest);
    const app = apps[command];
    if (app) return await runApp(app, rest);
    console.error(`sitrep: unknown command "${command}". Run 'sitrep --help' for the list.`);
    return 2;
  } catch (error) {
    if (error instanceof SitrepError) {
      console.error(`sitrep ${command}: ${error.message} [${error.code}]`);
      return 1;
    }
    throw error;
  }
}

/** `npm start`: bring the store up to date with corpus/ (idempotent, so cheap when nothing changed), then serve. */
async function start(argv: string[]): Promise<number> {
  const corpus = fileURLToPath(new URL('../../../corpus', import.meta.url));
  const ingest = await inProcess.ingest!();
  const code = await ingest([corpus]);
  if (code !== 0) return code;
  return runApp(apps.serve!, argv);
}
