import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore } from './store.ts';
import { syntheticActors, syntheticArticles, syntheticOutlets, syntheticPlaces } from './synthetic.ts';

/**
 * A real SQLite store in a fresh temporary folder, filled with the deterministic synthetic
 * corpus and its reference data — what the GraphQL and API suites test against. `close()`
 * closes the store and removes the folder.
 */
export async function openSyntheticStore(options: {
  events: number;
  seed: number;
  label?: string;
}): Promise<{ store: SitrepStore; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${options.label ?? 'synthetic'}-`));
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  await store.upsertPlaces(syntheticPlaces());
  await store.upsertActors(syntheticActors());
  await store.upsertOutlets(syntheticOutlets());
  await store.ingestArticles([...syntheticArticles({ events: options.events, seed: options.seed })]);
  return {
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
