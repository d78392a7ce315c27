import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { fixtureSource } from '../src/data/day-source.ts';
import { startPreview } from '../src/preview/preview-server.ts';

let server: Server;
let url: string;
beforeAll(async () => {
  ({ server, url } = await startPreview({ source: fixtureSource(), config: loadConfig({}), port: 0 }));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('serves the archive with a link to every issue', async () => {
  const r = await fetch(`${url}/`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await r.text();
  expect(html).toContain('href="/2016-12-09.html"');
  expect(html).toContain('46 civilians killed, 230 injured in East Aleppo');
});

it.each([
  ['/2016-12-09.html', 200, '46 civilians killed, 230 injured'],
  ['/2016-12-09.txt', 200, '> 46 civilians killed, 230 injured — White Helmets, via Reuters'],
  ['/2016-10-13.html', 200, 'Lausanne'],
  ['/2016-12-01.html', 200, 'Nothing new was reported'],
  ['/nope', 404, 'Try / or /YYYY-MM-DD.html'],
  ['/2016-13-45.html', 400, '2016-13-45 is not a day of the calendar'],
  ['/2016-02-30.txt', 400, '2016-02-30 is not a day of the calendar'],
])('GET %s answers %i', async (path, status, text) => {
  const r = await fetch(`${url}${path}`);
  expect(r.status).toBe(status);
  expect(await r.text()).toContain(text);
});

it('answers only GET', async () => {
  expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
});
