import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface Hit {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
  status: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: FixtureServer) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 serving the fixture feeds and pages, plus the misbehaviours
 * a watcher meets in the wild: a 500 then recovery, a stall, a 20 MB answer, a redirect loop.
 * It records every request (path, headers, time) and the most requests it ever had in flight.
 */
export class FixtureServer {
  readonly hits: Hit[] = [];
  maxInFlight = 0;
  #inFlight = 0;
  #server: Server;
  #routes = new Map<string, Handler>();
  base = '';
  /** how many times /flaky.xml still fails before it answers */
  flakyFailures = 0;
  /** how many more requests to /reset.xml have their connection closed with no answer */
  resetsLeft = 0;
  /** how long /slow.xml waits before answering, in ms */
  stallMs = 5_000;
  /** items in /feeds/many.xml, each linking a generated page /pages/gen-N.html */
  manyCount = 40;
  /** how long each generated page waits before answering, in ms */
  pageDelayMs = 0;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.route('/flaky.xml', (req, res, s) => {
      if (s.flakyFailures > 0) {
        s.flakyFailures--;
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      } else s.serveFile(req, res, 'feeds/wire.rss.xml');
    });
    // a connection dropped with no answer, as a server closing a kept-alive connection the
    // client was just reusing
    this.route('/reset.xml', (req, res, s) => {
      if (s.resetsLeft > 0) {
        s.resetsLeft--;
        req.socket.destroy();
      } else s.serveFile(req, res, 'feeds/wire.rss.xml');
    });
    this.route('/slow.xml', async (req, res, s) => {
      await sleep(s.stallMs);
      if (!res.destroyed) s.serveFile(req, res, 'feeds/wire.rss.xml');
    });
    this.route('/huge.xml', (_req, res) => streamHuge(res, false));
    this.route('/huge-declared.xml', (_req, res) => streamHuge(res, true));
    this.route('/loop-a', (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end());
    this.route('/loop-b', (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end());
    this.route(
      '/moved.xml',
      (_req, res) => void res.writeHead(301, { location: '/feeds/wire.rss.xml' }).end(),
    );
    this.route('/feeds/many.xml', (_req, res, s) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(s.manyFeed());
    });
    this.route('/gone.xml', (_req, res) => void res.writeHead(410).end());
  }

  route(path: string, handler: Handler): void {
    this.#routes.set(path, handler);
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.#server.listen(0, '127.0.0.1', done));
    this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((done) => this.#server.close(() => done()));
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  requests(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  /** A fixture file with `{{base}}` filled in; pages are wrapped in the site's shell. */
  fixture(name: string): string {
    let text = readFileSync(new URL(name, FIXTURES), 'utf8');
    if (name.startsWith('pages/')) text = page(text);
    return text.replaceAll('{{base}}', this.base);
  }

  /** Serves a fixture with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
  serveFile(req: IncomingMessage, res: ServerResponse, name: string): void {
    const body = this.fixture(name);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = 'Tue, 10 Jun 2025 21:00:00 GMT';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const type = name.endsWith('.json')
      ? 'application/feed+json'
      : name.endsWith('.html')
        ? 'text/html; charset=utf-8'
        : name.endsWith('.opml')
          ? 'text/x-opml'
          : 'application/rss+xml; charset=utf-8';
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    const path = new URL(req.url ?? '/', this.base).pathname;
    res.on('close', () => {
      this.#inFlight--;
      this.hits.push({ path, at: Date.now(), headers: req.headers, status: res.statusCode });
    });
    const generated = /^\/pages\/gen-(\d+)\.html$/.exec(path);
    if (generated) {
      await sleep(this.pageDelayMs);
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(generatedPage(Number(generated[1])));
      return;
    }
    const handler = this.#routes.get(path);
    if (handler) return void (await handler(req, res, this));
    const name = path.slice(1);
    if (/^(feeds|pages)\/[\w.-]+$/.test(name) && !name.includes('_shell')) {
      try {
        return this.serveFile(req, res, name);
      } catch {}
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  /** An RSS feed of `manyCount` generated reports, newest first. */
  manyFeed(): string {
    const items = Array.from({ length: this.manyCount }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      return `<item><title>Report ${i}: shelling hits district ${i}</title><link>${this.base}/pages/gen-${i}.html</link><guid isPermaLink="false">gen-${i}</guid><pubDate>${day} May 2025 09:00:00 +0000</pubDate></item>`;
    });
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Generated wire</title><link>${this.base}/</link><description>Generated reports</description>${items.join('')}</channel></rss>`;
  }
}

const REGIONS = ['Darfur', 'Donetsk', 'Gaza', 'Mopti', 'Sagaing', 'Artibonite', 'Cauca'];

/** A generated report: invented, short, different for each number, in the shell of a news page. */
export function generatedPage(i: number): string {
  const region = REGIONS[i % REGIONS.length];
  const killed = 2 + (i % 9);
  const wounded = 3 + (i % 13);
  const article = `<article>
<p>Shelling killed ${killed} people and wounded ${wounded} in district ${i} of ${region} on Tuesday, local officials said, in the latest attack on the area this month.</p>
<p>A health official said ${Math.ceil(killed / 2)} of the dead were women. Residents said the shells landed near a market and a school that was being used as a shelter for displaced families.</p>
<p>No group said it had carried out the attack. Aid agencies said report ${i} was being checked and that water deliveries to the district had been halted.</p>
</article>`;
  return readFileSync(new URL('pages/_shell.html', FIXTURES), 'utf8')
    .replaceAll('{{title}}', `Report ${i}`)
    .replace('{{head}}', '')
    .replace('{{article}}', article);
}

function page(source: string): string {
  const title = /<!--title: (.*?)-->/.exec(source)?.[1] ?? '';
  const head = /<!--head: (.*?)-->/.exec(source)?.[1] ?? '';
  const article = source.replace(/<!--(title|head): .*?-->\n?/g, '');
  return readFileSync(new URL('pages/_shell.html', FIXTURES), 'utf8')
    .replaceAll('{{title}}', title)
    .replace('{{head}}', head)
    .replace('{{article}}', article);
}

/** 20 MB of a feed that never ends, chunked (or with its length declared). */
function streamHuge(res: ServerResponse, declared: boolean): void {
  const size = 20 * 1048576;
  const chunk = Buffer.alloc(64 * 1024, '<item><title>x</title></item>');
  res.writeHead(200, {
    'content-type': 'application/rss+xml',
    ...(declared ? { 'content-length': String(size) } : {}),
  });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  let sent = 0;
  const pump = () => {
    while (sent < size && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
