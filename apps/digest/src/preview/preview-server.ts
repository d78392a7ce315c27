/**
 * `sitrep digest preview`: the archive and any day's issue, as the archive reader gets it.
 * `/` is the archive, `/YYYY-MM-DD.html` and `.txt` an issue, `/YYYY-MM-DD-map.png` its map
 * (and `-map-2.png`, `-map-3.png`: a day of several theatres has a picture for each).
 * Issues are compiled on first request and kept, as the sender would.
 */
import { createServer, type Server } from 'node:http';
import { buildIssue } from '../build-issue.ts';
import type { DigestConfig } from '../config.ts';
import type { DaySource } from '../data/day-source.ts';
import { ISO_DATE, isCalendarDay } from '../date-labels.ts';
import { forTheWeb } from '../map/map-image.ts';
import { recipientContext } from '../recipient-context.ts';
import { type CompiledIssue, compileIssue, renderFor } from '../render/compile-issue.ts';
import { archiveReader } from '../write-digests.ts';
import { renderArchiveIndex } from './archive-index.ts';

export interface PreviewOptions {
  source: DaySource;
  config: DigestConfig;
  port: number;
  host?: string;
}

export async function startPreview(o: PreviewOptions): Promise<{ server: Server; url: string }> {
  const archiveUrl = `${o.config.publicUrl}/digests`;
  const compiled = new Map<string, Promise<CompiledIssue>>();
  const issue = (date: string) => {
    let c = compiled.get(date);
    if (!c) {
      c = o.source.day(date).then((day) => compileIssue(buildIssue(day, { archiveUrl })));
      compiled.set(date, c);
      c.catch(() => compiled.delete(date));
    }
    return c;
  };

  const server = createServer(async (req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const path = new URL(req.url ?? '/', 'http://preview').pathname;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
      if (path === '/' || path === '/index.html') {
        const dates = await o.source.daysWithEvents();
        const issues = await Promise.all(dates.map(async (d) => (await issue(d)).model));
        return send(
          200,
          'text/html',
          renderArchiveIndex(issues, (d) => `/${d}.html`),
        );
      }
      const png = /^\/(\d{4}-\d{2}-\d{2})-map(?:-[2-9])?\.png$/.exec(path);
      if (png && isCalendarDay(png[1]!)) {
        const map = (await issue(png[1]!)).map;
        if (!map.length) return send(404, 'text/plain', `${png[1]} has no located events, so no map.\n`);
        const image = map.find((m) => `/${m.file}` === path);
        if (!image) return send(404, 'text/plain', `${png[1]}'s map has no panel ${path.slice(1)}.\n`);
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        return res.end(image.png);
      }
      const m = /^\/(\d{4}-\d{2}-\d{2})\.(html|txt)$/.exec(path);
      if (!m || !ISO_DATE.test(m[1]!))
        return send(404, 'text/plain', 'Not found. Try / or /YYYY-MM-DD.html\n');
      if (!isCalendarDay(m[1]!))
        return send(400, 'text/plain', `${m[1]} is not a day of the calendar. Try / or /YYYY-MM-DD.html\n`);
      const c = await issue(m[1]!);
      const ctx = recipientContext(c.model, archiveReader(o.config), o.config, { allowEmpty: true })!;
      const rendered = renderFor(c, ctx);
      return m[2] === 'html'
        ? send(200, 'text/html', forTheWeb(rendered.html, c.map))
        : send(200, 'text/plain', rendered.text);
    } catch (error) {
      console.error(error);
      return send(500, 'text/plain', `The preview failed: ${(error as Error).message}\n`);
    }
  });
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(o.port, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return { server, url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}` };
}
