import { describe, expect, it } from 'vitest';
import { htmlFragmentParagraphs, plainText } from '../src/page/html-paragraphs.ts';
import { languageTag, readPage } from '../src/page/read-page.ts';
import { FixtureServer } from './fixture-server.ts';

const fixtures = new FixtureServer();
fixtures.base = 'http://127.0.0.1:8099';
const pageUrl = (name: string) => `${fixtures.base}/pages/${name}`;
const read = (name: string) => readPage(fixtures.fixture(`pages/${name}`), pageUrl(name));

describe('readPage', () => {
  it('keeps the article paragraphs and caption as lines, and drops the menu, the sidebar and the footer', () => {
    const reading = read('sudan-market.html');
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const { paragraphs } = reading.article;
    expect(paragraphs[0]).toBe('By Amna Test');
    expect(paragraphs[1]).toMatch(/^EL FASHER, Sudan, June 10 \(Test Wire\) - Shelling killed five people/);
    expect(paragraphs).toContain('Traders leave the market after the shelling. (Photo: Test Wire)');
    expect(paragraphs.at(-1)).toMatch(/food prices in the city had tripled since May\.$/);
    const all = paragraphs.join('\n');
    for (const furniture of ['Most read', 'Subscribe', 'Copyright Test Wire', 'Privacy'])
      expect(all).not.toContain(furniture);
  });

  it("reads the page's metadata: canonical URL made absolute, language, publication time", () => {
    const reading = read('sudan-market.html');
    expect(reading.ok && reading.article).toMatchObject({
      canonicalUrl: `${fixtures.base}/news/sudan-market`,
      language: 'en',
      published: { day: '2025-06-09' },
    });
  });

  it('says so when a page has no article', () => {
    const reading = read('no-article.html');
    expect(reading).toEqual({
      ok: false,
      reason: expect.stringMatching(/^the page has no readable article/),
    });
  });
});

describe('the text of HTML', () => {
  it.each([
    ['<p>One.</p><p>Two.</p>', ['One.', 'Two.']],
    ['Line one<br>line two', ['Line one\nline two']],
    ['<div>Outer <span>inline</span> text<p>inner</p></div>', ['Outer inline text', 'inner']],
    ['<ul><li>first</li><li>second</li></ul>', ['first', 'second']],
    ['<p>Shown</p><script>var hidden = 1;</script><style>p{}</style>', ['Shown']],
    ['<p>  spaced\n\n  out&nbsp;text </p>', ['spaced out text']],
  ])('%s → %j', (html, paragraphs) => {
    expect(htmlFragmentParagraphs(html)).toEqual(paragraphs);
  });

  it.each([
    ['Hi <b>there</b>', 'Hi there'],
    ['A &amp; B', 'A & B'],
    ['  plain   title ', 'plain title'],
  ])('plain text of %s is %s', (html, text) => {
    expect(plainText(html)).toBe(text);
  });

  it.each([
    ['en_GB', 'en-GB'],
    ['ar', 'ar'],
    ['uk-UA', 'uk-UA'],
    ['{{lang}}', null],
    ['', null],
  ])('language tag %s → %s', (value, tag) => {
    expect(languageTag(value)).toBe(tag);
  });
});
