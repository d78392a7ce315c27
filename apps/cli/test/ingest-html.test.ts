import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureServer } from '@sitrep/feeds/test-fixture-server';
import { openStore } from '@sitrep/store/store';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/ingest.ts';

// Saved web pages go through the same Readability path as the pages `sitrep watch` fetches.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = new FixtureServer();
fixtures.base = 'https://testwire.example';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
});
afterEach(() => vi.restoreAllMocks());

describe('sitrep ingest with saved .html pages', () => {
  it("stores a folder's pages with the page's own metadata, and names a page with no article", async () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    writeFileSync(join(pages, 'mali.html'), fixtures.fixture('pages/sahel-convoy.html'));
    writeFileSync(join(pages, 'sudan.htm'), fixtures.fixture('pages/sudan-market.html'));
    writeFileSync(join(pages, 'login.html'), fixtures.fixture('pages/no-article.html'));
    const db = join(dir, 'sitrep.db');
    expect(await run(['--db', db, '--no-progress', pages])).toBe(1);
    expect(out.at(-1)).toBe('1 failed; 2 new, 0 changed, 0 unchanged');
    expect(err).toEqual([
      expect.stringMatching(
        /^sitrep ingest: .*login\.html: the page has no readable article \(\d+ words of text, fewer than 40\); save the article's own page, or its text as \.txt$/,
      ),
    ]);
    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      const { nodes } = await store.listArticles({}, { first: 10 });
      const mali = nodes.find((a) => a.origin.path?.endsWith('mali.html'));
      expect(mali).toMatchObject({
        headline: 'Militants ambush army convoy in central Mali',
        url: 'https://testwire.example/news/sahel-convoy',
        language: 'en',
      });
      const sudan = nodes.find((a) => a.origin.path?.endsWith('sudan.htm'));
      expect(sudan?.publishedAt).toMatchObject({ date: '2025-06-09', basis: 'metadata' });
      expect(sudan?.url).toBeNull(); // its canonical link is relative, and a saved file has no address
    } finally {
      await store.close();
    }
  });
});
