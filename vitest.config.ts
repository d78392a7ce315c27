// One local watch run over every workspace: `npx vitest` at the root. CI and `npm test` go through
// turbo instead, which runs `vitest run` inside each workspace; vitest finds this file from there
// too, so the project list applies only when vitest is started at the root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const atRoot = process.cwd().replace(/\/$/, '') === root.replace(/\/$/, '');

// Tests run on 2-core CI machines while other workspaces test beside them: vitest's 5 s default
// turns load into failures, so the default is generous. Speed is measured by benchmarks, not here.
export default defineConfig({
  test: atRoot
    ? { projects: ['packages/*', 'apps/*', 'tests'] }
    : { testTimeout: 30_000, hookTimeout: 60_000 },
});
