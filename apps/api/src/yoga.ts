import { useGraphQlJit } from '@envelop/graphql-jit';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createContext, type EventBus, type MailingList, type SitrepContext } from '@sitrep/graphql/context';
import { RecordCache } from '@sitrep/graphql/record-cache';
import { schema } from '@sitrep/graphql/schema';
import type { SitrepStore } from '@sitrep/store/store';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import {
  createLogger,
  createYoga,
  type Plugin,
  useReadinessCheck,
  type YogaLogger,
  type YogaServerInstance,
  type YogaServerOptions,
} from 'graphql-yoga';
import { apiKeyChecker } from './api-key.ts';
import { responseCacheKey } from './cache-key.ts';
import type { ApiConfig } from './config.ts';
import { operationCount, useCostCheckMemo } from './cost-check-memo.ts';
import { useCsrfPrevention } from './csrf-prevention.ts';
import { clientErrorsAtDebug, maskSitrepError, useErrorCodes } from './error-codes.ts';
import { graphiqlOptions } from './graphiql.ts';
import { useNoNulStrings } from './nul-strings.ts';
import { useReadSnapshot } from './read-snapshot.ts';
import { safetyLimits } from './safety-limits.ts';

export interface YogaOptions {
  config: ApiConfig;
  store: SitrepStore;
  events: EventBus;
  /** the response cache (in memory or Redis); null turns caching off */
  cache: Cache | null;
  /** drops stale cached answers after a mutation, in every process */
  invalidate(): Promise<void>;
  /** the cache generation, bumped by `invalidate`; part of every cache key */
  generation?: () => number;
  /** extra readiness checks (Redis) */
  ready?: () => Promise<void>;
  /** where yoga's log goes; default: its console logger at `warn` (`info` in production) */
  logger?: YogaLogger;
  /** `subscribe`'s double opt-in; without it the mutation says sign-up is not offered */
  mailingList?: MailingList;
}

export type SitrepYoga = YogaServerInstance<Record<string, unknown>, SitrepContext>;

/** The GraphQL-over-HTTP handler. It never listens: server.ts does, and tests call `yoga.fetch`. */
export function createSitrepYoga(options: YogaOptions): SitrepYoga {
  const { config, store } = options;
  const canMutate = apiKeyChecker(config.apiKeys);
  const records = new RecordCache({
    ttlMs: 60_000,
    ...(options.generation ? { generation: options.generation } : {}),
  });
  const plugins: NonNullable<YogaServerOptions<Record<string, unknown>, SitrepContext>['plugins']> = [
    // Compiles each operation once into plain JavaScript; the biggest lever on execution time.
    // It replaces `execute`, so it comes before the response cache, which wraps whatever runs.
    // Its cache is keyed by document alone, so a document holding several operations would run
    // whichever was compiled first whatever the operationName: those run on graphql-js.
    useGraphQlJit({}, { enableIf: ({ document }) => operationCount(document) === 1 }),
    // After it: each query runs the execute it chose inside one snapshot of the data.
    useReadSnapshot(),
    useCostCheckMemo(),
    useCsrfPrevention(),
    useErrorCodes({ hideSuggestions: config.production }),
    useNoNulStrings(),
    ...safetyLimits(),
    useReadinessCheck({
      endpoint: '/ready',
      check: async () => {
        await store.ping();
        await options.ready?.();
      },
    }),
  ];
  if (!config.introspection) plugins.push(hideIntrospection());
  if (options.cache)
    plugins.splice(
      1,
      0,
      useResponseCache({
        // Sitrep's data is public: one cache for everyone.
        session: () => null,
        cache: options.cache,
        // The generation first, so an ingest anywhere retires every earlier key at once.
        buildResponseCacheKey: ({ documentString, variableValues, operationName }) =>
          responseCacheKey(options.generation?.() ?? 0, documentString, variableValues, operationName),
        ttl: config.responseCacheTtlSeconds * 1000,
        // Data loaded with `sitrep ingest` bumps no generation; the answers it changes most live shortest.
        ttlPerSchemaCoordinate: { 'Query.search': 60_000, 'Query.timeline': 60_000 },
        includeExtensionMetadata: !config.production,
      }),
    );

  return createYoga<Record<string, unknown>, SitrepContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.introspection ? graphiqlOptions : false,
    // GraphiQL's scripts, styles and editor workers inside the page (~9 MB, ~15 ms to render), so
    // it works without the internet; yoga's own page loads them from a CDN, offline a blank page
    renderGraphiQL,
    cors:
      config.corsOrigins.length === 0
        ? false
        : {
            origin: config.corsOrigins.includes('*') ? '*' : [...config.corsOrigins],
            methods: ['GET', 'POST', 'OPTIONS'],
            allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-graphql-yoga-csrf'],
          },
    maskedErrors: { maskError: maskSitrepError, isDev: !config.production },
    logging: clientErrorsAtDebug(options.logger ?? createLogger(config.production ? 'info' : 'warn')),
    batching: false,
    context: ({ request }) =>
      createContext({
        store,
        canMutate: canMutate(request.headers),
        events: options.events,
        dataChanged: options.invalidate,
        ingest: { maxArticleBytes: config.ingest.maxArticleBytes },
        records,
        ...(options.mailingList ? { mailingList: options.mailingList } : {}),
      }),
    plugins,
  });
}

/** Production answers no `__schema`/`__type` queries unless SITREP_INTROSPECTION=true. */
function hideIntrospection(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}
