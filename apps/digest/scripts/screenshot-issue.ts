/**
 * Screenshots of a written issue (`sitrep digest --date D --out DIR` writes DIR/D.html and, on a
 * day with located events, the D-map.png it shows, and D-map-2.png, D-map-3.png on a day of
 * several theatres) in Debian's Chromium at a phone's and a
 * desktop pane's width, as test/browser.test.ts lays it out, and at both widths once more as a
 * dark-mode mail client shows it: `prefers-color-scheme: dark` with Chromium's forced dark
 * rendering, which darkens light backgrounds and leaves images alone, as Gmail's and Outlook's
 * apps do. `tsx scripts/screenshot-issue.ts out/2017-04-04.html /work/notes/screens [prefix]`.
 */
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const [file, outDir, prefix] = process.argv.slice(2);
if (!file || !outDir) {
  console.error('usage: tsx scripts/screenshot-issue.ts ISSUE.html OUT_DIR [FILE_PREFIX]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const launch = (dark: boolean) =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: dark ? [...ARGS, '--force-dark-mode', '--enable-features=WebContentsForceDark'] : ARGS,
  });
const name = prefix ?? basename(file, '.html');
// a file:// address, so the map beside the .html loads as the archive's web edition shows it
const url = pathToFileURL(resolve(file)).href;

async function shoot(browser: Browser, width: number, label: string, dark: boolean): Promise<void> {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    colorScheme: dark ? 'dark' : 'light',
  });
  await page.goto(url, { waitUntil: 'load' });
  const path = join(outDir!, `${name}-${label}.png`);
  await page.screenshot({ path, fullPage: true });
  // the map's panels and their captions as the reader sees them, to look at without scrolling a whole issue
  const map = page.locator('img.day-map, .day-map img');
  if (await map.count()) {
    const box = (await map.first().boundingBox())!;
    const legend = await page.locator('.day-map-caption').last().boundingBox();
    await page.screenshot({
      path: join(outDir!, `${name}-${label}-map.png`),
      clip: {
        x: 0,
        y: Math.max(0, box.y - 40),
        width,
        height: (legend ? legend.y + legend.height : box.y + box.height) - box.y + 50,
      },
      fullPage: true,
    });
  }
  const facts = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    maps: [...document.images]
      .filter((i) => /-map(-\d)?\.png$/.test(i.src))
      .map((i) => `${i.naturalWidth}×${i.naturalHeight} shown at ${i.width}×${i.height}`),
  }));
  console.log(`${path} (horizontal overflow ${facts.overflow} px; map ${facts.maps.join(', ') || 'none'})`);
  await page.close();
}

const light = await launch(false);
try {
  for (const width of [375, 800]) await shoot(light, width, `${width}px`, false);
} finally {
  await light.close();
}
const dark = await launch(true);
try {
  for (const width of [375, 800]) await shoot(dark, width, `dark-${width}px`, true);
} finally {
  await dark.close();
}
