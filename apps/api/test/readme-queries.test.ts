import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, testYoga } from './test-yoga.ts';

/**
 * The README's "Real queries against the seed corpus" promise the answers are what the server
 * returns for corpus/. This holds them to it: every graphql block there is run against a store
 * ingested from corpus/ the way the README says, and must answer exactly the json block after it.
 */
const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

function examples(): { title: string; query: string; answer: unknown }[] {
  const start = README.indexOf('## Real queries against the seed corpus');
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end);
  const out: { title: string; query: string; answer: unknown }[] = [];
  const pattern = /### (.+)\n[\s\S]*?```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  for (const m of section.matchAll(pattern))
    out.push({ title: m[1] as string, query: m[2] as string, answer: JSON.parse(m[3] as string) });
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-readme-'));
let store: SitrepStore;
let yoga: Awaited<ReturnType<typeof testYoga>>;

beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'readme.db') });
  // what `sitrep ingest corpus` runs
  expect(await ingest(store, inputsFromPaths([CORPUS]))).toMatchObject({ new: 5, failed: 0 });
  yoga = await testYoga(store);
}, 120_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the README queries answer what the README says', () => {
  it('has at least five of them', () => {
    expect(examples().length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples().map((e) => [e.title, e]))('%s', async (_title, example) => {
    const response = await yoga.fetch(...post(example.query));
    // top-level extensions carry response-cache metadata in development, not the answer
    const { extensions: _metadata, ...answer } = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual(example.answer);
  });
});
