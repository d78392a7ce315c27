import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FixtureServer } from '@sitrep/feeds/test-fixture-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `sitrep watch` in a process of its own beside `sitrep serve` (two processes, one SQLite store,
// one Redis): a subscriber of the API hears of what the watcher stored. Without Redis the
// processes share no channel, so the test needs it (and fails under CI, where it is promised).

const SITREP = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new URL(REDIS_URL);
const available = await new Promise<boolean>((resolve) => {
  const socket = createConnection({ host: redis.hostname, port: Number(redis.port || 6379), timeout: 1000 });
  socket.once('connect', () => resolve(Boolean(socket.end())));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => resolve(Boolean(socket.destroy())));
});
if (!available) {
  const why = `Redis (${REDIS_URL}) is not reachable`;
  if (process.env.CI) throw new Error(`the watch-beside-serve test needs Redis under CI: ${why}`);
  console.warn(`skipping the watch-beside-serve test: ${why}`);
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-beside-'));
const feeds = new FixtureServer();
const env = {
  ...process.env,
  CI: '',
  HOST: '127.0.0.1',
  SITREP_DB: join(dir, 'sitrep.db'),
  REDIS_URL,
  SITREP_REDIS_PREFIX: `sitrep-test-${randomBytes(4).toString('hex')}:`,
  SITREP_FEEDS_HOST_DELAY_MS: '0',
};
let serve: ChildProcess | null = null;
let url = '';

function run(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [SITREP, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

beforeAll(async () => {
  if (!available) return;
  await feeds.start();
  expect((await run('feeds', 'add', feeds.url('/feeds/wire.rss.xml'))).code).toBe(0);
  serve = spawn(process.execPath, [SITREP, 'serve', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  serve.stderr!.on('data', (d) => (stderr += d));
  url = await new Promise<string>((resolve, reject) => {
    serve!.once('exit', (code) => reject(new Error(`sitrep serve exited with ${code}: ${stderr}`)));
    createInterface({ input: serve!.stdout! }).on('line', (line) => {
      const match = /on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    serve.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      serve!.once('exit', () => resolve());
      serve!.kill('SIGTERM');
    });
  }
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The first `wanted` `next` payloads of a GraphQL-over-SSE response. */
async function nextPayloads(response: Response, wanted: number, onOpen: () => void): Promise<unknown[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const payloads: unknown[] = [];
  let buffer = '';
  onOpen();
  while (payloads.length < wanted) {
    const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (/^event: next$/m.test(message) && data) payloads.push(JSON.parse(data));
    }
  }
  await reader.cancel().catch(() => {});
  // one read may carry several messages (the watcher announces each stored event): the first `wanted`
  return payloads.slice(0, wanted);
}

describe.skipIf(!available)('sitrep watch beside sitrep serve', () => {
  it("tells the API's subscribers of the events it stored", async () => {
    const hangUp = new AbortController();
    const subscription = await fetch(url, {
      signal: hangUp.signal,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { eventAdded { kind article { headline } } }' }),
    });
    expect(subscription.status).toBe(200);
    let watched: Promise<{ code: number | null; out: string; err: string }> | null = null;
    // The watcher starts once the subscription is open, so nothing it announces can be missed.
    const heard = await nextPayloads(subscription, 1, () => {
      watched = run('watch', '--once');
      // once the watcher has ended, its announcements have 15 s to arrive
      void watched.then(() => setTimeout(() => hangUp.abort(), 15_000).unref());
    });
    const done = await watched!;
    expect(heard, 'no eventAdded reached the subscriber').toHaveLength(1);
    expect(done.out.trim().split('\n').at(-1), done.err).toBe('3 new, 0 changed, 0 unchanged');
    const first = heard[0] as { data: { eventAdded: { article: { headline: string } } } };
    expect([
      'Shelling kills five at market in El Fasher',
      'Drone strike wounds nine in Kharkiv',
      'Ceasefire holds in Tigray border town, officials say',
    ]).toContain(first.data.eventAdded.article.headline);
  }, 120_000);
});
