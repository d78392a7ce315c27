/**
 * Screenshots of a written issue (`sitrep digest --date D --out DIR` writes DIR/D.html) in
 * Debian's Chromium at a phone's and a desktop pane's width, as test/browser.test.ts lays it
 * out: `tsx scripts/screenshot-issue.ts out/2017-04-04.html /work/notes/screens`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) {
  console.error('usage: tsx scripts/screenshot-issue.ts ISSUE.html OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const html = readFileSync(file, 'utf8');
  for (const width of [375, 800]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(html, { waitUntil: 'load' });
    const path = join(outDir, `${basename(file, '.html')}-${width}px.png`);
    await page.screenshot({ path, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${path} (horizontal overflow ${overflow} px)`);
    await page.close();
  }
} finally {
  await browser.close();
}
