import { rawArticleFromText } from '@sitrep/extract/read';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, describe, expect, it } from 'vitest';
import { type IngestInput, ingest } from '../src/ingest.ts';

// An article whose text is over the limit is refused before extraction, naming the article, its
// size and the limit; the rest of the input is stored.

const [sqlite] = await engineCases();
afterAll(() => sqlite!.cleanup());

const read = (text: string, path: string): IngestInput => ({
  ok: true,
  ...rawArticleFromText(text, { path }),
});

describe('the article size limit', () => {
  it.each([
    [4 * 1024, 'a.txt', 'a.txt: 5 KB of text is over the 4 KB limit for one article'],
    [1024, 'b.txt', 'b.txt: 5 KB of text is over the 1 KB limit for one article'],
  ])(
    'at %i bytes refuses %s and stores the rest',
    async (maxArticleBytes, path, message) => {
      const store = await sqlite!.open();
      const long = `Report\n\n${'Air strikes hit Idlib on Monday, monitors said. '.repeat(120)}`.slice(
        0,
        5000,
      );
      expect(Buffer.byteLength(long)).toBe(5000);
      const short =
        'Shelling in Douma\n\nShelling on Douma killed three people on Friday, the White Helmets said.';
      const problems: string[] = [];
      const summary = await ingest(store, [read(long, path), read(short, 'short.txt')], {
        jobs: 1,
        maxArticleBytes,
        onProblem: (source, why, error) => problems.push(`${source}: ${why} [${error.code}]`),
      });
      expect(summary).toEqual({ new: 1, changed: 0, unchanged: 0, failed: 1, duplicates: 0 });
      expect(problems).toEqual([
        `${message} (SITREP_MAX_ARTICLE_KB); split it, or raise the limit if it really is one article [BAD_INPUT]`,
      ]);
    },
    60_000,
  );

  it('counts bytes of UTF-8, not characters: 3,000 Arabic letters are 6,000 bytes', async () => {
    const store = await sqlite!.open();
    const arabic = `عنوان\n\n${'ب'.repeat(3000)}`;
    const problems: string[] = [];
    await ingest(store, [read(arabic, 'ar.txt')], {
      jobs: 1,
      maxArticleBytes: 5 * 1024,
      onProblem: (source, why) => problems.push(`${source}: ${why}`),
    });
    expect(problems).toEqual([expect.stringMatching(/^ar\.txt: 6 KB of text is over the 5 KB limit/)]);
  }, 60_000);
});
