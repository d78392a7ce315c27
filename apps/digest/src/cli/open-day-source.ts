/** Picks the data source for a run: --fixtures, --api URL (or SITREP_API_URL), else in-process GraphQL over the store. */
import { openStore, type SitrepStore } from '@sitrep/store/store';
import type { DigestConfig } from '../config.ts';
import { type DaySource, fixtureSource } from '../data/day-source.ts';
import { inProcessExecutor, remoteExecutor } from '../data/executors.ts';
import { graphqlSource } from '../data/graphql-source.ts';
import type { DigestArgs } from './parse-args.ts';

export interface OpenedSource {
  source: DaySource;
  /** open when the run reads the store or needs its send log */
  store: SitrepStore | null;
  close(): Promise<void>;
}

export async function openDaySource(
  args: Pick<DigestArgs, 'fixtures' | 'api'>,
  config: DigestConfig,
  options: { needStore?: boolean } = {},
): Promise<OpenedSource> {
  const api = args.api ?? config.apiUrl;
  const needsStore = options.needStore || (!args.fixtures && !api);
  const store = needsStore ? await openStore() : null;
  const source = args.fixtures
    ? fixtureSource()
    : graphqlSource(api ? remoteExecutor(api) : inProcessExecutor(store!));
  return { source, store, close: async () => void (await store?.close()) };
}
