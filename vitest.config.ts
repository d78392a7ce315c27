// One local watch run over every workspace: `npx vitest`. CI and `npm test` go through turbo instead,
// so each workspace is cached on its own inputs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests'],
  },
});
