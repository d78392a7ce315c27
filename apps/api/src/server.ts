import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smtpMailer } from '@sitrep/mailing-list/sign-up';
import { ConfigError } from '@sitrep/schema/errors';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { limitRequestBody } from './body-limit.ts';
import type { ApiConfig } from './config.ts';
import { exportRoute } from './export-route.ts';
import { fastExecutor } from './fast-execution.ts';
import { type FeedWatcher, startFeedWatcher } from './feed-watcher.ts';
import { frontDoor } from './front-door.ts';
import { createSharedState } from './shared-state.ts';
import { mailingListFor, subscriberPages } from './subscriber-pages/subscriber-pages.ts';
import { createSitrepYoga, type SitrepYoga } from './yoga.ts';

export interface RunningServer {
  url: string;
  port: number;
  yoga: SitrepYoga;
  store: SitrepStore;
  close(): Promise<void>;
}

/**
 * Opens the store (unless given one), connects the shared state and listens. `port: 0` picks a
 * free port, which is what tests do. Closing stops listening first, then lets go of Redis and the
 * store, so no request sees a half-closed server.
 */
export async function startServer(
  config: ApiConfig,
  given?: { store?: SitrepStore; fastPath?: boolean; watch?: boolean },
): Promise<RunningServer> {
  const store = given?.store ?? (await openStore(config.database));
  const shared = await createSharedState({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  // The mailing list is off without a link secret (production without SITREP_DIGEST_SECRET).
  const { linkSecret } = config.mailingList;
  const list = linkSecret ? { ...config.mailingList, linkSecret } : null;
  const mailer = list?.smtpUrl ? smtpMailer(list.smtpUrl) : null;
  const mailingList = list ? mailingListFor(store, list, mailer) : undefined;
  const yoga = createSitrepYoga({
    ...(mailingList ? { mailingList } : {}),
    config,
    store,
    events: shared.events,
    cache: config.responseCache ? shared.cache : null,
    invalidate: shared.invalidate,
    generation: shared.generation,
    ready: shared.ping,
  });
  const fastPath = given?.fastPath !== false;
  // Without the cache and the fast path, the front door has nothing to answer: yoga takes all.
  const handler =
    config.responseCache || fastPath
      ? frontDoor(
          {
            cache: config.responseCache ? shared.cache : null,
            generation: shared.generation,
            metadata: !config.production,
            execute: fastPath ? fastExecutor(yoga) : null,
          },
          yoga,
        )
      : yoga;
  // `sitrep ingest` writes from another process: drop every cached answer (and cached record)
  // when the store sees another connection change the data.
  const stopWatching = store.onDataChanged(() => {
    shared.invalidate().catch(() => {});
  });
  // The mailing list's pages (/subscribe, /confirm, /unsubscribe, /preferences) before the API.
  const pages = list ? subscriberPages({ store, config: list, mailer }, handler) : handler;
  // Exports are files, not GraphQL: they stream from the store in the node:http layer, with
  // node's own backpressure, before the front door and yoga.
  const server = createServer(limitRequestBody(config.maxBodyBytes, exportRoute(store, config, pages)));
  // Keep-alive longer than common load balancers' idle timeout, so they close connections first.
  server.keepAliveTimeout = 65_000;
  await listen(server, config.port, config.host);
  // `--watch`: the feeds polled in this process, after the server listens (a slow feed never delays it).
  const watcher: FeedWatcher | null = given?.watch ? startFeedWatcher(store, config, shared) : null;
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    yoga,
    store,
    async close() {
      await watcher?.stop();
      stopWatching();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await shared.close();
      mailer?.close();
      await yoga.dispose();
      if (!given?.store) await store.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              'PORT',
              `port ${port} on ${host} is in use by another program (another sitrep serve?); stop it, or give another with --port or PORT`,
            )
          : error.code === 'EACCES'
            ? new ConfigError(
                'PORT',
                `port ${port} on ${host} needs privileges this user lacks; give one above 1023 with --port or PORT`,
              )
            : error,
      );
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
}
