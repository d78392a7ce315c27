// One local watch run over every workspace: `npx vitest` at the root. CI and `npm test` go through
// turbo instead, which runs `vitest run` inside each workspace; vitest finds this file from there
// too, so the project list applies only when vitest is started at the root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const atRoot = process.cwd().replace(/\/$/, '') === root.replace(/\/$/, '');

export default defineConfig({
  test: atRoot ? { projects: ['packages/*', 'apps/*', 'tests'] } : {},
});
