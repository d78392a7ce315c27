import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The layering biome.json enforces, checked by running Biome on small files placed where the
// rules apply: a copy of the configuration in a temporary folder (without the git ignore file,
// which a temporary folder has not), one file per case under the same relative path.

const root = fileURLToPath(new URL('../../', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-lint-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
writeFileSync(
  join(dir, 'biome.json'),
  JSON.stringify({ ...config, $schema: undefined, vcs: { enabled: false } }),
);

const DB = 'Only packages/store talks to the database.';
const APPS = 'Apps never import apps: move what two apps share into packages/.';
const CASES: [string, string, string | null][] = [
  ['packages/store/src/x.ts', 'pg', null],
  ['packages/store/src/x.ts', '@sitrep/extract/read', '@sitrep/store is only the database'],
  ['packages/store/test/x.ts', '@sitrep/cluster/cluster-mentions', '@sitrep/store is only the database'],
  ['packages/store/src/x.ts', 'cli-progress', '@sitrep/store is a library'],
  ['packages/extract/src/x.ts', '@sitrep/store/store', '@sitrep/extract is text in, records out'],
  ['packages/extract/src/x.ts', 'better-sqlite3', DB],
  ['packages/cluster/src/x.ts', '@sitrep/store/store', '@sitrep/cluster is pure'],
  ['packages/schema/src/x.ts', '@sitrep/extract/read', '@sitrep/schema depends on nothing of ours'],
  ['packages/ingest/src/x.ts', '@sitrep/extract/read', null],
  ['packages/ingest/src/x.ts', '@sitrep/store/store', null],
  ['packages/ingest/src/x.ts', 'kysely', DB],
  ['packages/graphql/src/x.ts', '@sitrep/ingest/ingest', null],
  ['packages/feeds/src/x.ts', '@sitrep/ingest/ingest', null],
  [
    'packages/feeds/src/x.ts',
    '@sitrep/cluster/cluster-mentions',
    '@sitrep/feeds hands articles to @sitrep/ingest',
  ],
  ['packages/feeds/src/x.ts', 'pg', DB],
  ['packages/graphql/src/x.ts', '@sitrep/extract/extract-article', 'Only @sitrep/ingest calls extraction'],
  ['apps/api/src/x.ts', '@sitrep/digest/main', APPS],
  ['apps/api/src/x.ts', '@sitrep/cluster/cluster-mentions', 'The API reaches extraction and clustering only'],
  ['apps/api/src/x.ts', 'pg', DB],
  ['apps/digest/src/x.ts', '@sitrep/cli/main', APPS],
  ['apps/cli/src/x.ts', '@sitrep/api/main', APPS],
  ['apps/cli/src/x.ts', '@sitrep/ingest/ingest', null],
  ['tests/x/x.test.ts', 'pg', DB],
];

/** Every noRestrictedImports message Biome gives, per file. */
function lint(): Map<string, string[]> {
  CASES.forEach(([path, module], i) => {
    const file = join(dir, path.replace(/x(\.test)?\.ts$/, `case-${i}$1.ts`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `import * as m from '${module}';\n\nexport const n = m;\n`);
  });
  const run = spawnSync(biome, ['lint', '--reporter=json', '.'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as {
    diagnostics: { category: string; description?: string; message?: string; location: { path: string } }[];
  };
  const out = new Map<string, string[]>();
  for (const d of report.diagnostics)
    if (d.category === 'lint/style/noRestrictedImports')
      out.set(d.location.path, [...(out.get(d.location.path) ?? []), String(d.description ?? d.message)]);
  return out;
}

describe('the architecture lint rules', () => {
  const found = lint();
  it.each(CASES.map(([path, module, message], i) => ({ path, module, message, i })))(
    '$path importing $module: $message',
    ({ path, message, i }) => {
      const messages = found.get(path.replace(/x(\.test)?\.ts$/, `case-${i}$1.ts`)) ?? [];
      if (message === null) expect(messages).toEqual([]);
      else expect(messages).toEqual([expect.stringContaining(message)]);
    },
  );
});
