import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS and ESM side by side without `exports`: Node (loading Pothos and
// yoga) picks the CommonJS file while Vite would pick the .mjs one for our sources, and two
// copies of graphql cannot share a schema. Point our sources at the file Node uses.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  // as the root config's: beforeAll hooks ingest a corpus on a 2-core machine beside other workspaces
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
