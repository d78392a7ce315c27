import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { loadWorld } from '@sitrep/store/test-world';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, testYoga } from './test-yoga.ts';

/**
 * The README's "Places: countries, first-level divisions and names" shows queries and the
 * answers the server gives over the test world (@sitrep/store's test-world: made-up reports in
 * Ukraine, Sudan, Colombia and Syria). This holds the README to them through yoga's HTTP
 * handling, on both engines: every graphql block there must answer exactly the json after it.
 */
const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

function examples(): { title: string; query: string; answer: unknown }[] {
  const start = README.indexOf('## Places: countries, first-level divisions and names');
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end);
  const out: { title: string; query: string; answer: unknown }[] = [];
  const pattern = /### (.+)\n[\s\S]*?```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  for (const m of section.matchAll(pattern))
    out.push({ title: m[1] as string, query: m[2] as string, answer: JSON.parse(m[3] as string) });
  return out;
}

const cases = await engineCases();

describe.each(cases)('the README place queries on $name', (engine) => {
  let store: SitrepStore;
  let yoga: Awaited<ReturnType<typeof testYoga>>;
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await loadWorld(store);
    yoga = await testYoga(store);
  });
  afterAll(() => engine.cleanup());

  it('has four of them', () => {
    expect(examples()).toHaveLength(4);
  });

  it.skipIf(engine.skip).each(examples().map((e) => [e.title, e]))('%s', async (_title, example) => {
    const response = await yoga.fetch(...post(example.query));
    expect(response.status).toBe(200);
    // top-level extensions carry response-cache metadata in development, not the answer
    const { extensions: _metadata, ...answer } = (await response.json()) as Record<string, unknown>;
    if (process.env.PRINT_README_ANSWERS) console.log(JSON.stringify(answer, null, 2));
    expect(answer).toEqual(example.answer);
  });
});
