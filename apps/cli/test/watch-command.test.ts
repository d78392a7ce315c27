import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixtureServer } from '@sitrep/feeds/test-fixture-server';
import type { StoreConfig } from '@sitrep/store/config';
import { countArticles, dumpStore } from '@sitrep/store/test-dump';
import { engineCases } from '@sitrep/store/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `sitrep feeds` and `sitrep watch` as a person runs them, against fixture feeds served on
// 127.0.0.1, and a watcher killed with SIGKILL mid-round that loses and doubles nothing.

const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
const server = new FixtureServer();
beforeAll(() => server.start());
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
}

function sitrep(config: StoreConfig, ...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '', SITREP_FEEDS_HOST_DELAY_MS: '0' };
  const argv = [SITREP, ...args];
  if (config.engine === 'sqlite') argv.push('--db', config.file);
  else Object.assign(env, { DATABASE_URL: config.url, SITREP_PG_SCHEMA: config.schema });
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

const lastLine = (text: string) => text.trim().split('\n').at(-1);
const cases = await engineCases();

describe.each(cases)('sitrep feeds and watch on $name', (engine) => {
  afterAll(() => engine.cleanup());

  it.skipIf(engine.skip)(
    'adds, lists, imports and removes feeds; watch --once ends with the ingest line',
    async () => {
      const config = await engine.config();
      const added = await sitrep(
        config,
        'feeds',
        'add',
        server.url('/feeds/wire.rss.xml'),
        '--outlet',
        'Test Wire',
        '--every',
        '15m',
      ).done;
      expect([added.code, added.out.trim()]).toEqual([0, `added ${server.url('/feeds/wire.rss.xml')}`]);
      const opml = join(dir, `desk-${engine.name}.opml`);
      writeFileSync(opml, server.fixture('feeds/subscriptions.opml'));
      const imported = await sitrep(config, 'feeds', 'import', opml).done;
      expect(imported.out.trim()).toBe('1 added, 1 already there, 1 skipped');
      expect(imported.err).toContain(
        'outline "Bad address" has xmlUrl "not a url", which is not an http(s) URL',
      );
      await sitrep(config, 'feeds', 'add', server.url('/gone.xml')).done;

      const watched = await sitrep(config, 'watch', '--once').done;
      expect(lastLine(watched.out)).toBe('6 new, 0 changed, 0 unchanged');
      expect(watched.code).toBe(1); // a feed failed
      expect(watched.err).toContain(`${server.url('/gone.xml')}: failed: HTTP 410 Gone`);
      expect(watched.err).toContain('no-article.html: the page has no readable article');

      const list = await sitrep(config, 'feeds', 'list').done;
      expect(list.out).toContain(
        `${server.url('/feeds/wire.rss.xml')}\n  outlet "Test Wire" · every 15m · 3 articles`,
      );
      expect(list.out).toContain('error (1 failed poll in a row; backing off): HTTP 410 Gone');

      const again = await sitrep(config, 'watch', '--once').done;
      expect(lastLine(again.out)).toBe('0 new, 0 changed, 0 unchanged');
      const removed = await sitrep(config, 'feeds', 'remove', server.url('/gone.xml')).done;
      expect(removed.out.trim()).toBe(`removed ${server.url('/gone.xml')} (its articles stay in the store)`);
      const bad = await sitrep(config, 'feeds', 'add', 'ftp://example.org/feed').done;
      expect([bad.code, bad.err.trim()]).toEqual([
        1,
        "sitrep feeds: ftp://example.org/feed: is not an http(s) URL; give the feed's web address [BAD_INPUT]",
      ]);
    },
    180_000,
  );

  it.skipIf(engine.skip)(
    'SIGKILL mid-round, then a re-run, ends exactly like an uninterrupted run',
    async () => {
      server.manyCount = 60;
      server.pageDelayMs = 60;
      const killed = await engine.config();
      await sitrep(killed, 'feeds', 'add', server.url('/feeds/many.xml')).done;
      const run = sitrep(killed, 'watch', '--once');
      // Kill once a batch of 20 is committed, well before the 60th page is read.
      for (let n = 0; n < 1 && run.child.exitCode === null; n = await countArticles(killed))
        await new Promise((r) => setTimeout(r, 20));
      run.child.kill('SIGKILL');
      const first = await run.done;
      expect(first.signal, first.err).toBe('SIGKILL');
      const committed = await countArticles(killed);
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(60);

      const resumed = await sitrep(killed, 'watch', '--once').done;
      expect(resumed.code, resumed.err).toBe(0);
      expect(lastLine(resumed.out)).toBe(`${60 - committed} new, 0 changed, ${committed} unchanged`);

      server.pageDelayMs = 0;
      const clean = await engine.config();
      await sitrep(clean, 'feeds', 'add', server.url('/feeds/many.xml')).done;
      const straight = await sitrep(clean, 'watch', '--once').done;
      expect(lastLine(straight.out), straight.err).toBe('60 new, 0 changed, 0 unchanged');
      const [a, b] = [await dumpStore(killed), await dumpStore(clean)];
      expect(a).toEqual(b);
      expect(a.articles).toHaveLength(60);
    },
    180_000,
  );
});
