import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { API_KEY } from './test-yoga.ts';

// A long article is extracted off the event loop (the article worker), so the server keeps
// answering while it works; an article over the text limit (SITREP_MAX_ARTICLE_KB, 200 KB by
// default) is refused with BAD_INPUT before any thread spends time on it.

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const seeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
/** A round-up of the seed reports, each numbered, to about `bytes` of text. */
function roundUp(bytes: number): string {
  let text = 'Weekly round-up\n\n';
  for (let i = 0; text.length < bytes; i++) text += `${seeds[i % seeds.length]}\n\nUpdate ${i}.\n\n`;
  return text;
}

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  __typename
  ... on IngestArticlePayload { status events { slug } }
  ... on BadInputError { code message source } } }`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-limits-'));
let store: SitrepStore;
let server: RunningServer;
let base: string;
beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  const config = readConfig({ HOST: '127.0.0.1', PORT: '0', SITREP_API_KEYS: API_KEY });
  server = await startServer(config, { store });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const mutate = (text: string, url: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ query: INGEST, variables: { input: { text, url } } }),
  });

describe('ingestArticle and long articles', () => {
  it('answers /health while a long article is being extracted, before the article is stored', async () => {
    // A short article first, so the extractor is loaded (and its thread started) before the
    // long one: what is timed below is extraction alone.
    const warm = (await (await mutate(seeds[0]!, 'https://example.org/warm-up')).json()) as {
      data: { ingestArticle: { status: string } };
    };
    expect(warm.data.ingestArticle.status).toBe('NEW');
    const seen: string[] = [];
    let began = () => {};
    const ingestBegan = new Promise<void>((resolve) => (began = resolve));
    // The pipeline's first statement counts the stored articles; extraction comes next, then the
    // article's insert.
    const stop = store.onQuery(({ sql }) => {
      if (/^\s*insert into "articles"/i.test(sql)) seen.push('article stored');
      else if (/from "articles"/i.test(sql)) began();
    });
    try {
      const text = roundUp(150_000);
      const answer = mutate(text, 'https://example.org/round-up').then(async (res) => {
        const body = (await res.json()) as { data: { ingestArticle: { status: string; events: unknown[] } } };
        seen.push('mutation answered');
        return body;
      });
      await ingestBegan;
      for (let i = 0; i < 3; i++) {
        const health = await fetch(`${base}/health`);
        expect(health.status).toBe(200);
        seen.push('health answered');
      }
      const body = await answer;
      expect(body.data.ingestArticle.status).toBe('NEW');
      expect(body.data.ingestArticle.events.length).toBeGreaterThan(100);
      expect(seen).toEqual([
        'health answered',
        'health answered',
        'health answered',
        'article stored',
        'mutation answered',
      ]);
    } finally {
      stop();
    }
  }, 120_000);

  it('refuses an article over the text limit with BAD_INPUT naming the limit, and stores nothing', async () => {
    const before = (await store.counts()).articles;
    const text = roundUp(300_000);
    const kb = Math.ceil(Buffer.byteLength(text) / 1024);
    const res = await mutate(text, 'https://example.org/too-long');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { ingestArticle: Record<string, string> } };
    expect(body.data.ingestArticle).toEqual({
      __typename: 'BadInputError',
      code: 'BAD_INPUT',
      source: 'input.text',
      message: `input.text: ${kb} KB of text is over the 200 KB limit for one article (SITREP_MAX_ARTICLE_KB); split it, or raise the limit if it really is one article`,
    });
    expect((await store.counts()).articles).toBe(before);
  }, 60_000);
});
