/// <reference lib="dom" />
// A reader's whole life on the list, end to end with real parts, once on each engine: `sitrep
// ingest` fills a SQLite file or a PostgreSQL schema of its own, `sitrep serve` answers the pages, a real smtp-server on loopback takes the mail and
// Debian's Chromium fills the forms. Sign up → the confirmation arrives → confirm → the
// scheduled edition arrives at the reader's local hour → preferences changed on the page change
// the next edition → the one-click POST from its List-Unsubscribe header → the next edition goes
// to a control reader, not to them; re-importing them does not revive them. Forged, expired and
// other-subscriber links are refused with a page saying so.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confirmQuery, subscriberQuery } from '@sitrep/mailing-list/link-tokens';
import { type ParsedMail, simpleParser } from 'mailparser';
import { type Browser, chromium, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`the subscriber pages need ${CHROMIUM} under CI`);
const sitrep = fileURLToPath(new URL('../../apps/cli/bin/sitrep.js', import.meta.url));
const screens = process.env.SITREP_SCREENS ?? fileURLToPath(new URL('../test-results/', import.meta.url));
const SECRET = 'e2e-secret-not-for-production';
const ANA = 'ana@example.org';
const BO = 'bo@example.org';

// Three days of invented reports (our own sentences), one article each.
const ARTICLES: Record<string, string> = {
  'a1.txt': `---\nheadline: Air strike hits market in Idlib\noutlet: Test Wire\npublishedAt: 2016-11-14\n---\nAn air strike hit a crowded market in Idlib on Monday, killing 12 civilians and wounding 30 others, the civil defence said.\n`,
  'a2.txt': `---\nheadline: Shelling in Aleppo kills five\noutlet: Test Wire\npublishedAt: 2016-11-15\n---\nShelling struck a residential district of Aleppo on Tuesday, killing five people, a local monitor said.\n\nIn Idlib, an air strike on Tuesday killed three fighters, the monitor added.\n`,
  'a3.txt': `---\nheadline: Barrel bombs on Aleppo\noutlet: Test Wire\npublishedAt: 2016-11-16\n---\nBarrel bombs dropped on Aleppo on Wednesday killed eight civilians, rescuers said.\n`,
};

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const reachable = (url: URL) =>
  new Promise<boolean>((resolve) => {
    const s = connect(Number(url.port || 5432), url.hostname);
    s.setTimeout(1000);
    const done = (up: boolean) => {
      s.destroy();
      resolve(up);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.once('timeout', () => done(false));
  });
const pgUp = await reachable(new URL(DATABASE_URL));
if (!pgUp && process.env.CI) throw new Error(`PostgreSQL (${DATABASE_URL}) is not reachable under CI`);

/** The store each run of the life uses: a SQLite file in the run's folder, or a PostgreSQL schema named for the run. */
const engines: {
  name: string;
  skip: boolean;
  store: (dir: string) => Record<string, string>;
  /** how many subscribers the engine's own store holds: the life really ran on it */
  subscribers: (dir: string) => number;
  drop?: () => void;
}[] = [
  {
    name: 'SQLite',
    skip: false,
    store: (dir) => ({ SITREP_DB: join(dir, 'sitrep.db'), DATABASE_URL: '' }),
    subscribers: (dir) =>
      existsSync(join(dir, 'sitrep.db'))
        ? Number(
            execFileSync(process.execPath, [sitrep, 'subscribers', 'export', '--format', 'json'], {
              env: { ...process.env, SITREP_DB: join(dir, 'sitrep.db'), DATABASE_URL: '' },
              encoding: 'utf8',
            }).match(/"email"/g)?.length ?? 0,
          )
        : 0,
  },
  (() => {
    const schema = `sitrep_life_${randomBytes(4).toString('hex')}`;
    return {
      name: 'PostgreSQL',
      skip: !pgUp,
      store: () => ({ SITREP_DB: '', DATABASE_URL, SITREP_PG_SCHEMA: schema }),
      subscribers: () =>
        Number(
          execFileSync('psql', [DATABASE_URL, '-tAc', `SELECT count(*) FROM ${schema}.subscribers`], {
            encoding: 'utf8',
          }).trim(),
        ),
      drop: () => {
        try {
          execFileSync('psql', [DATABASE_URL, '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], {
            stdio: 'ignore',
          });
        } catch {
          // psql missing: the schema stays behind, named for this run
        }
      },
    };
  })(),
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

// the same life on each engine: one suite, parameterised by the store it runs on
for (const engine of engines)
  describe.skipIf(engine.skip || !haveChromium)(
    `a reader’s life on the list, on ${engine.name}`,
    { timeout: 120_000 },
    () => {
      let port: number;
      let base: string;
      let env: NodeJS.ProcessEnv;
      let api: ChildProcess;
      let browser: Browser | undefined;
      const inbox: { to: string[]; mail: ParsedMail }[] = [];
      let smtp: SMTPServer;
      let dir: string;

      function run(args: string[]): Promise<{ code: number | null; out: string }> {
        return new Promise((resolve) => {
          const child = spawn(process.execPath, [sitrep, ...args], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout.on('data', (c) => (out += c));
          child.stderr.on('data', (c) => (out += c));
          child.on('exit', (code) => resolve({ code, out }));
        });
      }

      async function mailTo(address: string, subject: RegExp, timeoutMs = 10_000): Promise<ParsedMail> {
        const start = Date.now();
        for (;;) {
          const m = inbox.find((x) => x.to.includes(address) && subject.test(x.mail.subject ?? ''));
          if (m) return m.mail;
          if (Date.now() - start > timeoutMs) throw new Error(`no mail to ${address} matching ${subject}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }

      const editionsTo = (address: string) =>
        inbox
          .filter((x) => x.to.includes(address) && /^Sitrep \d/.test(x.mail.subject ?? ''))
          .map((x) => x.mail.subject!.split(':')[0]);

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), `sitrep-subscriber-life-${engine.name.toLowerCase()}-`));
        smtp = new SMTPServer({
          disabledCommands: ['STARTTLS', 'AUTH'],
          authOptional: true,
          logger: false,
          onData(stream, session, callback) {
            simpleParser(stream).then((mail) => {
              inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
              callback();
            }, callback);
          },
        });
        await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
        const smtpPort = (smtp.server.address() as { port: number }).port;
        port = await freePort();
        base = `http://127.0.0.1:${port}`;
        env = {
          ...process.env,
          ...engine.store(dir),
          REDIS_URL: '',
          NODE_ENV: 'development',
          HOST: '127.0.0.1',
          SITREP_PUBLIC_URL: base,
          SITREP_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          SITREP_DIGEST_SECRET: SECRET,
        };
        const articles = join(dir, 'articles');
        mkdirSync(articles);
        for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(articles, name), text);
        expect((await run(['ingest', articles, '--no-progress'])).out).toMatch(
          /3 new, 0 changed, 0 unchanged/,
        );
        // the control reader: imported (so confirmed), following Aleppo, in the same time zone
        writeFileSync(join(dir, 'bo.csv'), `name,email,timezone,places\nBo,${BO},Asia/Kolkata,Aleppo\n`);
        expect((await run(['subscribers', 'import', join(dir, 'bo.csv')])).out).toContain('1 added');

        api = spawn(process.execPath, [sitrep, 'serve', '--port', String(port)], {
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise<void>((resolve, reject) => {
          api.once('exit', (code) => reject(new Error(`sitrep serve exited with ${code}`)));
          api.stdout!.on('data', (c: Buffer) => {
            if (c.toString().includes('Sitrep API on')) resolve();
          });
        });
        if (haveChromium) {
          mkdirSync(screens, { recursive: true });
          browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
          });
        }
      }, 180_000);

      afterAll(async () => {
        await browser?.close();
        if (api) {
          api.removeAllListeners('exit');
          await new Promise<void>((resolve) => {
            api.once('exit', () => resolve());
            api.kill('SIGTERM');
          });
        }
        await new Promise<void>((resolve) => smtp?.close(() => resolve()));
        rmSync(dir, { recursive: true, force: true });
        engine.drop?.();
      });

      async function newPage(width = 375, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
        return browser!.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: false, colorScheme });
      }

      const schedule = (now: string) =>
        run(['digest', 'schedule', '--once', '--now', now, '--attempts', '1']);

      let edition: ParsedMail;

      it('signs up on the form, gets the confirmation, and confirms with the button', async () => {
        const page = await newPage();
        await page.goto(`${base}/subscribe`);
        await page.getByLabel('Email address').fill(ANA);
        await page.getByLabel('Name (optional)').fill('Ana');
        await page.getByLabel('Time zone').fill('Asia/Kolkata');
        await page.screenshot({ path: join(screens, 'subscribe-375.png'), fullPage: true });
        await page.getByRole('button', { name: 'Subscribe' }).click();
        expect(await page.locator('h1').textContent()).toBe('Check your inbox');
        const confirmation = await mailTo(ANA, /^Confirm your Sitrep subscription$/);
        const link = /http:\/\/\S+\/confirm\?\S+/.exec(confirmation.text ?? '')?.[0];
        expect(link).toBeDefined();
        // nothing is sent before the confirmation
        expect((await schedule('2016-11-15T01:30:00Z')).out).not.toContain('1 sent');
        await page.goto(link!);
        expect(await page.locator('h1').textContent()).toBe('Confirm your subscription');
        await page.getByRole('button', { name: 'Confirm my subscription' }).click();
        expect(await page.locator('h1').textContent()).toBe('You are subscribed');
        expect(await page.locator('main').textContent()).toContain('07:00 Asia/Kolkata');
        await page.close();
        // Bo imported, Ana signed up: both in this engine's store
        expect(engine.subscribers(dir)).toBe(2);
      });

      it("sends the edition at the reader's local hour, with a one-click List-Unsubscribe", async () => {
        // 2016-11-15 01:30 UTC was 07:00 in Kolkata; she signed up after the run at that moment above,
        // so the next morning is hers: 06:59 nothing, 07:00 the 15th's issue.
        const before = await schedule('2016-11-16T01:29:00Z');
        expect(before.code).toBe(0);
        expect(editionsTo(ANA)).toEqual([]);
        const at = await schedule('2016-11-16T01:30:00Z');
        expect(at.out).toMatch(/2016-11-15: 2 sent/);
        expect(editionsTo(ANA)).toEqual(['Sitrep 15 Nov 2016']);
        edition = await mailTo(ANA, /^Sitrep 15 Nov 2016/);
        expect(edition.text).toContain('Idlib');
        expect(edition.text).toContain('Aleppo');
        // each edition's map draws what it prints: hers the whole day, Bo's (Aleppo) Aleppo only
        const mapAlt = (m: ParsedMail) => /<img[^>]*alt="(Map of the events[^"]*)"/.exec(String(m.html))?.[1];
        const bo = await mailTo(BO, /^Sitrep 15 Nov 2016/);
        expect(mapAlt(edition)).toContain('Idlib');
        expect(mapAlt(edition)).toContain('Aleppo');
        expect(mapAlt(bo)).toContain('Aleppo');
        expect(mapAlt(bo)).not.toContain('Idlib');
        expect(edition.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        );
        // a restart at a later hour sends nothing twice
        await schedule('2016-11-16T05:00:00Z');
        expect(editionsTo(ANA)).toEqual(['Sitrep 15 Nov 2016']);
      });

      it('changes what the next edition holds through the preferences page', async () => {
        // the reader opens the email and follows its preferences link
        const page = await newPage();
        await page.setContent(String(edition.html));
        const link = page.locator('a[href*="/preferences?"]').first();
        expect(await link.getAttribute('href')).toMatch(
          new RegExp(`^${base}/preferences\\?u=ana%40example\\.org&t=`),
        );
        await link.click();
        await page.waitForURL(`${base}/preferences?**`);
        expect(await page.locator('h1').textContent()).toBe('Your Sitrep settings');
        await page.getByLabel('Places').fill('Aleppo');
        await page.getByRole('button', { name: 'Save' }).click();
        expect(await page.getByRole('status').textContent()).toContain('Saved');
        expect(await page.getByLabel('Places').inputValue()).toBe('Aleppo');
        await page.screenshot({ path: join(screens, 'preferences-375.png'), fullPage: true });
        const dark = await newPage(800, 'dark');
        await dark.goto(page.url());
        expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
          'rgb(18, 18, 18)',
        );
        await dark.screenshot({ path: join(screens, 'preferences-800-dark.png'), fullPage: true });
        await dark.close();
        await page.close();

        await schedule('2016-11-17T01:30:00Z');
        const next = await mailTo(ANA, /^Sitrep 16 Nov 2016/);
        expect(next.text).toContain('Your edition follows Aleppo');
        edition = next;
      });

      it('takes the one-click POST from the List-Unsubscribe header, and the next edition goes to others only', async () => {
        const header = edition.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
        const url = /<(http[^>]+)>/.exec(header)?.[1];
        expect(url?.startsWith(`${base}/unsubscribe?`)).toBe(true);
        // as a mailbox provider sends it (RFC 8058): no cookies, no page, just the POST
        const res = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(res.status).toBe(200);
        // a 17 Nov issue exists only if we add one: Bo gets it, Ana does not
        const extra = join(dir, 'articles', 'a4.txt');
        writeFileSync(
          extra,
          `---\nheadline: Aleppo hospital hit\noutlet: Test Wire\npublishedAt: 2016-11-17\n---\nAn air strike hit a hospital in Aleppo on Thursday, killing four people, doctors said.\n`,
        );
        expect((await run(['ingest', extra, '--no-progress'])).code).toBe(0);
        const out = await schedule('2016-11-18T01:30:00Z');
        expect(out.out).toMatch(/2016-11-17: 1 sent/);
        expect(editionsTo(BO)).toContain('Sitrep 17 Nov 2016');
        expect(editionsTo(ANA)).toEqual(['Sitrep 15 Nov 2016', 'Sitrep 16 Nov 2016']);
      });

      it('keeps her suppressed when a file re-imports her', async () => {
        writeFileSync(join(dir, 'again.csv'), `name,email\nAna,${ANA}\n`);
        expect((await run(['subscribers', 'import', join(dir, 'again.csv')])).out).toContain(
          '1 on the suppression list stay suppressed: ana@example.org',
        );
        await schedule('2016-11-18T03:00:00Z');
        expect(editionsTo(ANA)).toHaveLength(2);
        const page = await newPage();
        await page.goto(`${base}/preferences?${subscriberQuery(ANA, SECRET)}`);
        expect(await page.locator('h1').textContent()).toBe('You are unsubscribed');
        await page.close();
      });

      it.each([
        [
          'a forged token',
          () => `/unsubscribe?u=${encodeURIComponent(ANA)}&t=AAAAAAAAAAAAAAAAAAAAAA`,
          403,
          'This link is not valid',
        ],
        [
          'another subscriber’s token',
          () => `/preferences?u=${encodeURIComponent(ANA)}&${subscriberQuery(BO, SECRET).split('&')[1]}`,
          403,
          'This link is not valid',
        ],
        [
          'a token signed with another secret',
          () => `/preferences?${subscriberQuery(BO, 'guessed-secret')}`,
          403,
          'This link is not valid',
        ],
        [
          'an expired confirmation',
          () => `/confirm?${confirmQuery(ANA, new Date(Date.now() - 60_000), SECRET)}`,
          410,
          'This confirmation link has expired',
        ],
        [
          'a confirmation for another address',
          () =>
            `/confirm?${confirmQuery(BO, new Date(Date.now() + 3_600_000), SECRET).replace(encodeURIComponent(BO), encodeURIComponent('eve@example.org'))}`,
          403,
          'This link is not valid',
        ],
      ])('refuses %s with a clear page', async (name, path, status, heading) => {
        const res = await fetch(`${base}${path()}`);
        expect(res.status).toBe(status);
        expect(await res.text()).toContain(`<h1>${heading}</h1>`);
        // nor does a POST of it do anything
        const post = await fetch(`${base}${path()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(post.status).toBe(status);
        if (name === 'a forged token') {
          const page = await newPage();
          await page.goto(`${base}${path()}`);
          await page.screenshot({ path: join(screens, 'forged-375.png'), fullPage: true });
          await page.close();
        }
      });

      it('signs up through the subscribe mutation too, without an API key', async () => {
        const ask = async (email: string) => {
          const res = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'mutation($i: SubscribeInput!) { subscribe(input: $i) { accepted message problems } }',
              variables: { i: { email, timezone: 'Europe/London', kinds: ['diplomacy'] } },
            }),
          });
          return ((await res.json()) as { data: { subscribe: { accepted: boolean; problems: string[] } } })
            .data.subscribe;
        };
        expect(await ask('cy@example.org')).toMatchObject({ accepted: true, problems: [] });
        const mail = await mailTo('cy@example.org', /^Confirm your Sitrep subscription$/);
        expect(mail.text).toMatch(/\/confirm\?u=cy%40example\.org&e=\d+&t=/);
        expect(await ask('not an address')).toMatchObject({
          accepted: false,
          problems: [expect.stringMatching(/^email: /)],
        });
      });

      it('refuses a form POST from another site', async () => {
        const res = await fetch(`${base}/preferences?${subscriberQuery(BO, SECRET)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
          body: 'places=Nowhere',
        });
        expect(res.status).toBe(403);
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        const run2 = await run(['subscribers', 'export']);
        expect(run2.out).not.toContain('Nowhere');
      });
    },
  );
