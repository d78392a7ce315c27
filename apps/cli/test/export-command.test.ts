import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillFixtureStore } from '@sitrep/export/test-fixture';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { StoreConfig } from '@sitrep/store/config';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const cases = await engineCases();
const out = mkdtempSync(join(tmpdir(), 'sitrep-export-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The environment that points the real `sitrep` at this store, as a person would set it. */
function envFor(config: StoreConfig): Record<string, string> {
  const { DATABASE_URL: _u, SITREP_DB: _d, SITREP_PG_SCHEMA: _s, ...rest } = process.env;
  const base = rest as Record<string, string>;
  return config.engine === 'sqlite'
    ? { ...base, SITREP_DB: config.file }
    : { ...base, DATABASE_URL: config.url, SITREP_PG_SCHEMA: config.schema ?? 'public' };
}

function sitrep(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [SITREP, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(cases)('sitrep export over the ingested corpus on $name', (engine) => {
  let env: Record<string, string>;
  let canonical: CanonicalEvent[];
  let store: SitrepStore;
  /** the change feed's end after the ingest: what the export says to pass as --since next time */
  let next: string | null;
  beforeAll(async () => {
    if (engine.skip) return;
    const config = await engine.config();
    env = envFor(config);
    store = await openStore(config);
    await ingest(store, inputsFromPaths([CORPUS]));
    next = await store.changesCursor();
    const page = await store.listCanonicalEvents({}, { first: 500, orderBy: 'DATE_ASC' });
    expect(page.pageInfo.hasNextPage).toBe(false);
    canonical = page.nodes;
    await store.close();
  });
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'writes ACLED CSV to --out: one row per canonical event, with a summary and the next --since on stderr',
    () => {
      const file = join(out, `${engine.name}-acled.csv`);
      const r = sitrep(['export', '--format', 'acled', '--out', file], env);
      expect(next).toMatch(/^[\w-]+$/);
      expect(r.stderr).toMatch(
        new RegExp(
          `^${canonical.length} events written to ${file} \\(\\d+\\.\\d s\\); next time --since ${next}\\n$`,
        ),
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(existsSync(`${file}.partial`)).toBe(false);
      const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
      expect(canonical.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.event_id_cnty)).toEqual(canonical.map((c) => c.id));
      expect(rows.map((row) => Number(row.fatalities))).toEqual(
        canonical.map((c) => c.figures.killed?.best ?? 0),
      );
    },
  );

  it.skipIf(engine.skip)('writes JSON Lines to stdout: the stored records', () => {
    const r = sitrep(['export', '--format', 'jsonl'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as CanonicalEvent);
    expect(lines).toEqual(canonical);
  });

  it.skipIf(engine.skip)(
    'says what is wrong with a filter in one line and exits 1; usage errors exit 2',
    () => {
      const bad = sitrep(['export', '--format', 'acled', '--countries', 'Syria'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe(
        'sitrep export: countries: "Syria" is not an ISO 3166-1 alpha-2 country code; write e.g. SY,UA,SD. [BAD_USER_INPUT]\n',
      );
      expect(bad.stdout).toBe('');
      expect(sitrep(['export'], env).code).toBe(2);
      expect(sitrep(['export', '--format', 'acled', '--bogus'], env).code).toBe(2);
    },
  );
});

describe('sitrep export into a pipe that closes early (`| head`)', () => {
  it('stops quietly with exit 0, no EPIPE trace', async () => {
    const file = join(out, 'big.db');
    const store = await openStore({ engine: 'sqlite', file });
    await fillFixtureStore(store, 4000);
    await store.close();
    const child = spawn(process.execPath, [SITREP, 'export', '--format', 'acled', '--db', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // read the header's chunk, then hang up as `head -1` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
