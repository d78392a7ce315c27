import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawArticleFromInput } from '@sitrep/ingest/article-input';
import { ingest } from '@sitrep/ingest/ingest';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { type ExecutionResult, execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { schema } from '../src/schema/index.ts';

// Article.publishedAt shows a date borrowed across articles (basis CLUSTER) when the article's
// own is weak: seed 002 gives days without a year; a hand-written report (test data) dated
// 9 December 2016 carries the same Jabha Shamiya quote.

const seed002 = readFileSync(
  fileURLToPath(new URL('../../../corpus/002_128d923c1ed1c91d.txt', import.meta.url)),
  'utf8',
);
const DONOR =
  'Aleppo offensive resumes\n\nA Turkish-based spokesman for the Jabha Shamiya rebel group said: "Helicopters, warplanes and rocket bombardment like every day. Nothing has changed."';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-graphql-dates-'));
let store: SitrepStore;
let ids: { seed: string; donor: string };
beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  const inputs = [
    { text: seed002, url: 'https://example.org/seed-002', outlet: null, publishedAt: null },
    { text: DONOR, url: 'https://example.org/donor', outlet: 'Example Wire', publishedAt: '2016-12-09' },
  ];
  const records: ExtractedArticle[] = [];
  await ingest(
    store,
    inputs.map((input) => ({ ok: true as const, ...rawArticleFromInput(input, input.url) })),
    { jobs: 1, onRecord: (record) => records.push(record) },
  );
  const [seed, donor] = records as [ExtractedArticle, ExtractedArticle];
  ids = { seed: seed.id, donor: donor.id };
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Article.publishedAt', () => {
  it('gives an undated article the day of a dated one it shares a quote with, marked CLUSTER with the reason', async () => {
    const result = (await execute({
      schema,
      document: parse(
        `{ articles(first: 10) { edges { node { slug publishedAt { date precision basis confidence reason } } } } }`,
      ),
      contextValue: createContext({ store }),
    })) as ExecutionResult<{
      articles: { edges: { node: { slug: string; publishedAt: Record<string, unknown> } }[] };
    }>;
    expect(result.errors).toBeUndefined();
    const bySlug = new Map(result.data!.articles.edges.map((e) => [e.node.slug, e.node.publishedAt]));
    expect(bySlug.get(ids.donor)).toMatchObject({ date: '2016-12-09', basis: 'METADATA' });
    const borrowed = bySlug.get(ids.seed)!;
    expect(borrowed).toMatchObject({
      date: '2016-12-09',
      precision: 'DAY',
      basis: 'CLUSTER',
      confidence: 0.6,
    });
    expect(borrowed.reason).toContain(ids.donor);
    expect(borrowed.reason).toContain('Nothing has changed');
  });
});
