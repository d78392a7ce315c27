/// <reference lib="dom" />
/**
 * GraphiQL as a person opens it in development, on a machine without the internet (many
 * newsrooms' analysis machines): Debian's Chromium through playwright-core, every request to a
 * host other than the API refused. The page must come up with Sitrep's example query and run
 * it. The screenshot lands in test-results/ (git-ignored). Skips with a message when
 * /usr/bin/chromium is missing, except under CI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SitrepStore } from '@sitrep/store/store';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { openSyntheticStore } from './synthetic-store.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI)
    throw new Error(`browser checks need ${CHROMIUM} under CI (apt-get install -y chromium)`);
  console.warn(`GraphiQL browser check skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
const results = fileURLToPath(new URL('../test-results/', import.meta.url));

let store: SitrepStore;
let closeStore: () => Promise<void>;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  if (!haveChromium) return;
  ({ store, close: closeStore } = await openSyntheticStore(40));
  server = await startServer(readConfig({ HOST: '127.0.0.1', PORT: '0' }), { store });
  mkdirSync(results, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeStore?.();
});

describe.skipIf(!haveChromium)('GraphiQL in headless Chromium, offline', () => {
  it('opens with a Sitrep example query and runs it, loading nothing from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const elsewhere: string[] = [];
    const api = new URL(server.url).host;
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol.startsWith('http') && url.host !== api) {
        elsewhere.push(url.href);
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.goto(server.url);
    // the editor holds the example query once GraphiQL has rendered; offline it used to stay at
    // "Loading Sitrep GraphQL..." for good
    await page.getByText('totalCount').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#root').textContent()).not.toMatch(/^Loading/);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"events"').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${results}graphiql.png` });
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 60_000);
});
