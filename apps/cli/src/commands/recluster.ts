import { parseArgs } from 'node:util';
import { reclusterStore } from '@sitrep/ingest/recluster';
import { openStore } from '@sitrep/store/store';
import { readCliConfig } from '../config.ts';

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
  const store = await openStore(readCliConfig({ db }).store);
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
