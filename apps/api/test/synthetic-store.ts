import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import {
  syntheticActors,
  syntheticArticles,
  syntheticOutlets,
  syntheticPlaces,
} from '@sitrep/store/synthetic';

/** A real SQLite store in a temporary folder, filled with the store's deterministic synthetic corpus. */
export async function openSyntheticStore(
  events = 200,
): Promise<{ store: SitrepStore; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  await store.upsertPlaces(syntheticPlaces());
  await store.upsertActors(syntheticActors());
  await store.upsertOutlets(syntheticOutlets());
  await store.ingestArticles([...syntheticArticles({ events, seed: 3 })]);
  return {
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
