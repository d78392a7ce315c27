import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@sitrep/store/store';
import { orphanRows } from '@sitrep/store/test-dump';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/ingest.ts';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
});
afterEach(() => vi.restoreAllMocks());

describe('sitrep ingest over the corpus', () => {
  it('stores the five reports once, skips them when unchanged and replaces a changed one cleanly', async () => {
    const corpus = join(dir, 'corpus');
    cpSync(CORPUS, corpus, { recursive: true });
    const db = join(dir, 'sitrep.db');

    expect(await run(['--db', db, corpus])).toBe(0);
    expect(out.at(-1)).toBe('5 new, 0 changed, 0 unchanged');
    expect(await run(['--db', db, corpus])).toBe(0);
    expect(out.at(-1)).toBe('0 new, 0 changed, 5 unchanged');

    appendFileSync(
      join(corpus, '003_7e8356547cb68094.txt'),
      '\n\nThree civilians were killed in Aleppo on Monday, activists said.\n',
    );
    expect(await run(['--db', db, corpus])).toBe(0);
    expect(out.at(-1)).toBe('0 new, 1 changed, 4 unchanged');
    expect(orphanRows(db)).toEqual({ claims: 0, events: 0, eventRecords: 0, searchDocs: 0, ftsRows: 0 });
    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      expect((await store.counts()).articles).toBe(5);
      // The curated outlets are loaded with their kinds, not left "unknown" as articles name them.
      const kinds = (await store.outletsByIds(['reuters', 'sana'])).map((o) => o && [o.id, o.kind]);
      expect(kinds).toEqual([
        ['reuters', 'wire_agency'],
        ['sana', 'state_media'],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it.each([
    [['--batch-size', '0', 'x'], 2, /--batch-size/],
    [['--jobs', '0', 'x'], 2, /--jobs must be a whole number/],
    [['--jobs', 'two', 'x'], 2, /--jobs must be a whole number/],
    [[], 2, /at least one file/],
    [['--nope', 'x'], 2, /Unknown option/],
  ])('rejects %j with exit code %i', async (argv, code, message) => {
    expect(await run(argv)).toBe(code);
    expect(err.join('\n')).toMatch(message);
  });

  it('reports an unreadable path, stores the rest and exits 1', async () => {
    const db = join(dir, 'partial.db');
    expect(await run(['--db', db, join(dir, 'missing'), join(CORPUS, '001_5bae0838f8ec4212.txt')])).toBe(1);
    const missing = join(dir, 'missing');
    // The file is named once: `sitrep ingest: <path>: does not exist; check the path`.
    expect(err).toContain(`sitrep ingest: ${missing}: does not exist; check the path`);
    expect(out.at(-1)).toBe('1 failed; 1 new, 0 changed, 0 unchanged');
  }, 30_000);
});
