/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The issue as a reader's mail client lays it out: Debian's Chromium through playwright-core,
 * at a phone's width and a desktop pane's. Screenshots land in test-results/ (git-ignored) to
 * look at. Skips with a message when /usr/bin/chromium is missing (`apt-get install chromium`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { issueOf, LINKS, subscriber } from './seed-issue.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // .ci/run installs Debian's chromium, so under CI a missing browser is a failure, not a skip.
  if (process.env.CI)
    throw new Error(`browser checks need ${CHROMIUM} under CI (apt-get install -y chromium)`);
  console.warn(`browser checks skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
const results = fileURLToPath(new URL('../test-results/', import.meta.url));

let browser: Browser;
let html: string;

beforeAll(async () => {
  const issue = issueOf();
  html = renderFor(
    await compileIssue(issue),
    recipientContext(issue, subscriber('ana@example.org', {}, 'Ana'), LINKS)!,
  ).html;
  if (!haveChromium) return;
  mkdirSync(results, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(() => browser?.close());

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

it('stays under Gmail’s 102 KB clipping limit', () => {
  expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(102 * 1024);
});

describe.skipIf(!haveChromium)('in headless Chromium', () => {
  it.each([375, 800])('renders at %i px without horizontal overflow (screenshot saved)', async (width) => {
    const page = await open(width);
    await page.screenshot({ path: `${results}digest-2016-12-09-${width}px.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('declares its language, gives every image alt text and links only to absolute URLs', async () => {
    const page = await open(800);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      imagesWithoutAlt: [...document.images].filter((i) => !i.hasAttribute('alt')).length,
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
    }));
    expect(facts.lang).toBe('en');
    expect(facts.imagesWithoutAlt).toBe(0);
    expect(facts.hrefs.length).toBeGreaterThan(3);
    for (const href of facts.hrefs) expect(href).toMatch(/^(https:\/\/|mailto:)/);
    await page.close();
  });

  it('lays the casualty chart out as a real data table: caption, header cells, not presentation', async () => {
    const page = await open(800);
    const table = await page.evaluate(() => {
      const t = [...document.querySelectorAll('table')].find((x) =>
        x.caption?.textContent?.includes('Reported deaths'),
      );
      if (!t) return null;
      return {
        role: t.getAttribute('role'),
        columns: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent?.trim()),
        rows: [...t.tBodies[0]!.rows].map((r) =>
          r.querySelector(':scope > th[scope="row"]')?.textContent?.trim(),
        ),
        killed: [...t.tBodies[0]!.rows].map((r) => r.cells[2]?.textContent?.trim()),
        injured: [...t.tBodies[0]!.rows].map((r) => r.cells[3]?.textContent?.trim()),
      };
    });
    expect(table).not.toBeNull();
    expect(table!.role).toBeNull();
    expect(table!.columns).toEqual(['Day', 'Deaths, as a bar', 'Killed', 'Injured', 'Displaced']);
    expect(table!.rows).toEqual(['Sat 3', 'Sun 4', 'Mon 5', 'Tue 6', 'Wed 7', 'Thu 8', 'Fri 9']);
    expect(table!.killed[5]).toBe('46');
    expect(table!.injured[5]).toBe('230');
    await page.close();
  });

  it('lays the day in figures out as a data table too: killed, injured, displaced as column headers', async () => {
    const page = await open(375);
    const box = await page.evaluate(() => {
      const t = [...document.querySelectorAll('table')].find((x) =>
        x.caption?.textContent?.includes('The day in figures'),
      );
      if (!t) return null;
      return {
        role: t.getAttribute('role'),
        columns: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent?.trim()),
        cells: t.tBodies[0]!.rows[0]!.cells.length,
      };
    });
    expect(box).toEqual({ role: null, columns: ['Killed', 'Injured', 'Displaced'], cells: 3 });
    await page.close();
  });

  it('keeps every piece of text at a contrast of at least 4.5:1 against what is behind it', async () => {
    const page = await open(800);
    const worst = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
          const attr = e.getAttribute('bgcolor');
          if (attr) {
            const probe = document.createElement('span');
            probe.style.color = attr;
            document.body.append(probe);
            const v = rgb(getComputedStyle(probe).color);
            probe.remove();
            return v;
          }
        }
        return [255, 255, 255];
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let min = { ratio: 21, text: '' };
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        const text = n.textContent?.trim();
        if (!text || el.closest('[style*="display:none"], [style*="display: none"]')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') continue;
        const [a, b] = [lum(rgb(style.color)), lum(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < min.ratio) min = { ratio, text: text.slice(0, 60) };
      }
      return min;
    });
    expect(worst.ratio, `lowest contrast on "${worst.text}"`).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });
});
