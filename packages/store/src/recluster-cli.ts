import { parseArgs } from 'node:util';
import { loadStoreConfig, type StoreConfig } from './config.ts';
import { reclusterStore } from './recluster.ts';
import { openStore } from './store.ts';

const USAGE = `Usage: sitrep recluster [--db FILE]

Rebuilds the canonical events from every stored article: the repair for a clustering that
went wrong (two writers at once, an interrupted upgrade). Ingest keeps the clustering up to
date by itself, touching only the clusters new articles can join; this reads everything.
Writes nothing when the stored clustering is already exactly right.`;

/** `sitrep recluster`: returns the exit code (0 ok, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  let db: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    db = values.db;
  } catch (error) {
    console.error(`sitrep recluster: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config: StoreConfig = db ? { engine: 'sqlite', file: db } : loadStoreConfig();
  const store = await openStore(config);
  try {
    const result = await reclusterStore(store);
    console.log(
      `${result.mentions} mentions, ${result.canonicalEvents} canonical events ${result.written ? 'written' : 'already right, nothing written'} (${Math.round(result.ms)} ms)`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
