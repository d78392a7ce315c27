// `sitrep serve [--port N]`: the API as its own process (apps/cli spawns this file).
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { SitrepError } from '@sitrep/schema/errors';
import { readConfig } from './config.ts';
import { startServer } from './server.ts';

const HELP = `sitrep serve — GraphQL API over the store

Usage: sitrep serve [--port 4000] [--watch]

--watch also polls the feeds of 'sitrep feeds' in this process (as 'sitrep watch' would beside
it): new articles are ingested, cached answers dropped and subscribers told.

Environment: PORT, SITREP_DB or DATABASE_URL, SITREP_API_KEYS, REDIS_URL, NODE_ENV, SITREP_FEEDS_*
(more in apps/api/README.md).`;

/**
 * The old generation may grow by half its live size between full collections, not V8's up to 4×
 * (its factor on a machine with gigabytes to spare). Under uncached load on PostgreSQL a request
 * waits on several round trips, so what it allocates outlives two scavenges and is promoted; at
 * 4× the old space filled with that garbage from ~90 to ~260 MB before each mark-compact, RSS
 * peaked 15–51 % over its start and the pages it grew into stayed committed after a collection
 * (RSS after one: −7.6 to +9.0 % over 30 s windows). At 1.5×: peaks +2 to +8 %, after a
 * collection −7.9 to +2.0 %, and the server's CPU per request no higher for the extra
 * mark-compacts (2,277 against 2,323 µs, means of four interleaved windows each;
 * apps/api/bench/README.md, 2026-12-07). Set here so every way of starting the API process gets
 * it; V8 reads the flag at each collection, so setting it at start-up holds (the probe's peaks
 * show it does).
 */
setFlagsFromString('--heap-growing-percent=50');

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      watch: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
    throw new SitrepError('BAD_CONFIG', `--port: "${values.port}" is not a port number from 0 to 65535.`);
  const config = readConfig(undefined, port === undefined ? {} : { port });
  const server = await startServer(config, { watch: Boolean(values.watch) });
  const where = config.database.engine === 'postgres' ? 'PostgreSQL' : config.database.file;
  console.log(
    `Sitrep API on ${server.url} (store: ${where}${config.redisUrl ? ', shared state: Redis' : ''}${values.watch ? ', watching feeds' : ''})`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve).once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SitrepError) {
      console.error(`sitrep serve: ${error.message} [${error.code}]`);
      process.exit(1);
    }
    throw error;
  },
);
