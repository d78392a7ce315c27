import { FixtureServer } from '@sitrep/feeds/test-fixture-server';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { readEvents, SUBSCRIBE_HEADERS } from './sse.ts';
import { openSyntheticStore } from './synthetic-store.ts';

// `sitrep serve --watch`: the watcher inside the API process. The feed is held back by the
// fixture server until a subscriber listens and a cached answer exists, so the test sees both
// what the watcher must do after storing: tell subscribers, and drop cached answers.

const feeds = new FixtureServer();
let release: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  release = resolve;
});
let store: SitrepStore;
let close: () => Promise<void>;
let server: RunningServer;

beforeAll(async () => {
  await feeds.start();
  feeds.route('/feeds/held.xml', async (req, res, s) => {
    await gate;
    s.serveFile(req, res, 'feeds/wire.rss.xml');
  });
  ({ store, close } = await openSyntheticStore(8));
  await store.feeds.add({ url: feeds.url('/feeds/held.xml') }, new Date().toISOString());
  const config = readConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SITREP_FEEDS_HOST_DELAY_MS: '0',
    SITREP_FEEDS_TIMEOUT_MS: '60000',
  });
  server = await startServer(config, { store, watch: true });
});
afterAll(async () => {
  release();
  await server.close();
  await close();
  await feeds.close();
});

const graphql = async (query: string) => {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data: { articles: { totalCount: number } } };
};
const COUNT = '{ articles(first: 1) { totalCount } }';

describe('sitrep serve --watch', () => {
  it('stores what the feeds publish, tells subscribers, and drops cached answers', async () => {
    const before = (await graphql(COUNT)).data.articles.totalCount;
    expect((await graphql(COUNT)).data.articles.totalCount).toBe(before); // now cached
    const subscription = await fetch(server.url, {
      method: 'POST',
      headers: SUBSCRIBE_HEADERS,
      body: JSON.stringify({ query: 'subscription { eventAdded { kind article { headline } } }' }),
    });
    const heard = readEvents(subscription, 1, () => setTimeout(release, 200));
    const [first] = (await heard) as { data: { eventAdded: { article: { headline: string } } } }[];
    expect([
      'Shelling kills five at market in El Fasher',
      'Drone strike wounds nine in Kharkiv',
      'Ceasefire holds in Tigray border town, officials say',
    ]).toContain(first?.data.eventAdded.article.headline);
    expect((await graphql(COUNT)).data.articles.totalCount).toBe(before + 3);
    const [feed] = await store.feeds.list();
    expect(feed).toMatchObject({ articles: 3, lastError: null });
  });
});
