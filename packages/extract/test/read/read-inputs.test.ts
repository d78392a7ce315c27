import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReadItem, readInputs } from '@sitrep/extract/read';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function readAll(...paths: string[]): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInputs(paths, dir)) items.push(item);
  return items;
}

const articles = (items: ReadItem[]) => items.flatMap((i) => (i.ok ? [i.raw] : []));
const problems = (items: ReadItem[]) => items.flatMap((i) => (i.ok ? [] : [i.error.message]));

describe('text files', () => {
  it('drops a BOM, keeps CRLF text exactly as read', async () => {
    file('crlf.txt', '\uFEFFHeadline here\r\n\r\nFirst paragraph.\r\n');
    const [raw] = articles(await readAll('crlf.txt'));
    expect(raw?.text).toBe('Headline here\r\n\r\nFirst paragraph.\r\n');
    expect(raw?.origin).toEqual({ path: 'crlf.txt' });
  });

  it('lets YAML front matter override inference and reports unknown keys', async () => {
    file(
      'fm.md',
      '---\nurl: https://example.org/a\noutlet: Reuters\npublishedAt: 2016-12-09\nexternalId: r-1\nlocation: Aleppo\nauthro: typo\n---\nHeadline\n\nBody text here.\n',
    );
    const [item] = await readAll('fm.md');
    if (!item?.ok) throw new Error('expected an article');
    expect(item.raw.meta).toMatchObject({
      url: 'https://example.org/a',
      outlet: 'Reuters',
      publishedAt: '2016-12-09',
    });
    expect(item.raw.origin.externalId).toBe('r-1');
    expect(item.raw.hints.location).toBe('Aleppo');
    expect(item.raw.text.slice(item.raw.bodyStart)).toBe('Headline\n\nBody text here.\n');
    expect(item.warnings).toEqual([expect.stringContaining('front matter key "authro" is not used')]);
  });

  it("reads a static-site tool's title and date as the headline and the publication date", async () => {
    file(
      'site.md',
      '---\ntitle: Drone strike kills 12 in El Obeid\ndate: 2026-11-03\n---\nEL OBEID, Sudan — A drone strike killed 12.\n',
    );
    const [item] = await readAll('site.md');
    if (!item?.ok) throw new Error('expected an article');
    expect(item.raw.meta).toMatchObject({
      headline: 'Drone strike kills 12 in El Obeid',
      publishedAt: '2026-11-03',
    });
    expect(item.warnings).toEqual([]);
  });

  it('ignores a front matter date it cannot read, and says so', async () => {
    file('baddate.md', '---\npublishedAt: last Friday\n---\nHeadline\n\nBody.\n');
    const [item] = await readAll('baddate.md');
    if (!item?.ok) throw new Error('expected an article');
    expect(item.raw.meta.publishedAt).toBeNull();
    expect(item.warnings).toEqual([
      'baddate.md: front matter publishedAt "last Friday" is not YYYY-MM-DD, YYYY-MM or YYYY; it is ignored',
    ]);
  });

  it('keeps U+FFFD marks already in valid UTF-8 text', async () => {
    file('fffd.txt', 'Title\n\nAssad\uFFFDs forces advanced.\n');
    expect(articles(await readAll('fffd.txt'))[0]?.text).toContain('Assad\uFFFDs');
  });

  it('reads folders recursively in sorted order and skips README.md', async () => {
    file('tree/b.txt', 'B\n\nSecond.');
    file('tree/a/c.md', 'C\n\nThird.');
    file('tree/README.md', '# not an article');
    expect(articles(await readAll('tree')).map((r) => r.origin.path)).toEqual(['tree/a/c.md', 'tree/b.txt']);
  });
});

describe('CSV', () => {
  // Issue 20 item 3: a bad quote at FA-KES's row 701 kept 611 of the 700 rows before it.
  it.each([
    ['a stray quote', '41,x"oops,Some text.', 'Invalid Opening Quote'],
    ['a quote never closed', '41,"oops,Some text.', 'Quote Not Closed'],
  ])('keeps every row before %s, naming the line and what was left unread', async (_case, bad, error) => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `${i + 1},Title ${i + 1},Shelling killed ${i + 1} in Aleppo.`,
    );
    file('broken.csv', `id,title,text\r\n${[...rows.slice(0, 40), bad, ...rows.slice(41)].join('\r\n')}\r\n`);
    const items = await readAll('broken.csv');
    expect(articles(items).map((r) => r.origin.externalId)).toEqual(
      rows.slice(0, 40).map((_, i) => String(i + 1)),
    );
    expect(problems(items)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^broken\\.csv:42: cannot be read as CSV from here \\(${error}.*\\); the 40 rows before it were read, lines 42–51 \\(the rest of the file\\) were not: fix the quoting there and ingest the file again$`,
        ),
      ),
    ]);
  });

  it('reads a CSV of many chunks without piling listeners on the parser', async () => {
    // 4 MB: sixteen 256 KB chunks; each chunk's step once left an error listener behind
    const body = 'Shelling killed four people in Aleppo on Monday, the monitor said. '.repeat(60);
    const rows = Array.from({ length: 1000 }, (_, i) => `${i + 1},Title ${i + 1},"${body}"`);
    file('many-chunks.csv', `id,title,text\n${rows.join('\n')}\n`);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      expect(articles(await readAll('many-chunks.csv'))).toHaveLength(1000);
      // warnings are emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('maps FA-KES columns, quoted multi-line fields, CRLF and a BOM', async () => {
    file(
      'fakes.csv',
      '\uFEFFunit_id,article_title,article_content,source,date,location,labels\r\n' +
        '1,"Title one","Line one\r\nline two, with a comma",nna,4/5/2017,idlib,0\r\n' +
        '2,Title two,Plain text.,sana,6/8/2016,aleppo,1\r\n',
    );
    const raws = articles(await readAll('fakes.csv'));
    expect(raws).toHaveLength(2);
    expect(raws[0]).toMatchObject({
      text: 'Line one\r\nline two, with a comma',
      origin: { path: 'fakes.csv', line: 2, externalId: '1' },
      meta: { headline: 'Title one', outlet: 'nna', publishedAt: null },
      hints: { publishedAt: '4/5/2017', location: 'idlib', label: '0' },
    });
    expect(raws[1]?.origin.line).toBe(4);
  });

  it('reports a row with a missing column by line and reads the rest', async () => {
    file(
      'short.csv',
      'unit_id,article_title,article_content,source,date,location\n1,T,Text one.,nna,1/1/2016,idlib\n2,T,Text two.\n3,T,Text three.,sana,1/2/2016,homs\n',
    );
    const items = await readAll('short.csv');
    expect(articles(items).map((r) => r.origin.externalId)).toEqual(['1', '3']);
    expect(problems(items)).toEqual([
      'short.csv:3: row has 3 of 6 columns (missing source, date, location); check for a cut line or an unbalanced quote',
    ]);
  });

  it('reports an unbalanced quote once, after the rows before it', async () => {
    file('quote.csv', 'id,text\n1,Fine row.\n2,"Never closed\n3,Lost.\n');
    const items = await readAll('quote.csv');
    expect(articles(items).map((r) => r.origin.externalId)).toEqual(['1']);
    expect(problems(items)).toEqual([
      expect.stringMatching(
        /^quote.csv:3: cannot be read as CSV from here \(Quote Not Closed.*\); the 1 row before it/,
      ),
    ]);
  });

  it('stops at a record larger than one article can be', async () => {
    file('huge.csv', `id,text\n1,Fine row.\n2,"${'a'.repeat(6 * 1024 * 1024)}"\n`);
    const items = await readAll('huge.csv');
    expect(articles(items).map((r) => r.origin.externalId)).toEqual(['1']);
    expect(problems(items)).toEqual([
      expect.stringMatching(
        /^huge.csv:3: cannot be read as CSV from here \(Max Record Size: .* at line 3\); the 1 row before it was read, line 3 \(the rest/,
      ),
    ]);
  });

  it('refuses a CSV without a text column', async () => {
    file('notext.csv', 'a,b\n1,2\n');
    expect(problems(await readAll('notext.csv'))[0]).toMatch(/^notext.csv: has no text column/);
  });
});

describe('JSON Lines', () => {
  it('reads each object and reports bad lines by number', async () => {
    file(
      'in.jsonl',
      '{"text":"One.","id":"a","headline":"H","publishedAt":"2016-12-09"}\nnot json\n{"headline":"no text"}\n\n{"text":"Two."}\n',
    );
    const items = await readAll('in.jsonl');
    expect(articles(items).map((r) => [r.origin.line, r.origin.externalId, r.meta.publishedAt])).toEqual([
      [1, 'a', '2016-12-09'],
      [5, undefined, null],
    ]);
    expect(problems(items)).toEqual([
      expect.stringMatching(/^in.jsonl:2: is not valid JSON/),
      'in.jsonl:3: has no "text" (a non-empty string); the article text is required',
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['empty.txt', '', /^empty.txt: is empty; nothing to extract$/],
    ['blank.txt', ' \n\n ', /^blank.txt: is empty/],
    ['binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), /^binary.txt: looks binary/],
    [
      'latin1.txt',
      new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x41]),
      /^latin1.txt: is not valid UTF-8 \(at byte 3\)/,
    ],
    ['binary.jsonl', new Uint8Array([0x7b, 0x00, 0x7d]), /^binary.jsonl: looks binary/],
    [
      'latin1.csv',
      new Uint8Array([...Buffer.from('text\nCaf'), 0xe9, 0x0a]),
      /^latin1.csv: is not valid UTF-8/,
    ],
  ])('%s gives one clear line naming the file', async (name, content, message) => {
    file(name, content);
    const items = await readAll(name);
    expect(articles(items)).toEqual([]);
    expect(problems(items)).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a 20 MB text file without stopping the other files', async () => {
    file('big/huge.txt', Buffer.alloc(20 * 1024 * 1024, 'a'));
    file('big/ok.txt', 'Fine\n\nA real article.');
    const items = await readAll('big');
    expect(problems(items)).toEqual([
      expect.stringMatching(/^big\/huge.txt: 20.0 MB is too large for one article/),
    ]);
    expect(articles(items).map((r) => r.origin.path)).toEqual(['big/ok.txt']);
  });

  it('names a path that does not exist', async () => {
    expect(problems(await readAll('nope.txt'))).toEqual(['nope.txt: does not exist; check the path']);
  });

  // Issue 20 item 13: a FIFO made ingest wait forever; a symlink loop was said not to exist.
  it('names a FIFO given or found in a folder, and reads the rest instead of waiting on it', async () => {
    file('fifo/a.txt', 'Headline\n\nShelling killed 4 in Aleppo.\n');
    execFileSync('mkfifo', [join(dir, 'fifo', 'b.txt')]);
    const inFolder = await readAll('fifo');
    expect(articles(inFolder).map((r) => r.origin.path)).toEqual(['fifo/a.txt']);
    expect(problems(inFolder)).toEqual([]);
    expect(problems(await readAll('fifo/b.txt'))).toEqual([
      'fifo/b.txt: is not a file or a folder (a pipe or a device); give the file itself',
    ]);
  });

  it('names a loop of symbolic links, given or found in a folder, and reads the rest', async () => {
    file('loop/a.txt', 'Headline\n\nShelling killed 4 in Aleppo.\n');
    symlinkSync('c.txt', join(dir, 'loop', 'b.txt'));
    symlinkSync('b.txt', join(dir, 'loop', 'c.txt'));
    const loop =
      'is a loop of symbolic links (one points back to another); point it at a real file or folder';
    expect(problems(await readAll('loop/b.txt'))).toEqual([`loop/b.txt: ${loop}`]);
    const inFolder = await readAll('loop');
    expect(articles(inFolder).map((r) => r.origin.path)).toEqual(['loop/a.txt']);
    expect(problems(inFolder)).toEqual([`loop/b.txt: ${loop}`, `loop/c.txt: ${loop}`]);
  });
});
