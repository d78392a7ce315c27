import { readFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '@sitrep/extract/extractor-version';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents, SUBSCRIBE_HEADERS } from './sse.ts';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY, post, testYoga } from './test-yoga.ts';

const corpus = (name: string) => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');
type IngestBody = {
  data: {
    ingestArticle: {
      status: string;
      article: { extractorVersion: number | null };
      events: { slug: string }[];
    };
  };
};
const FILES = ['003_7e8356547cb68094.txt', '004_388484fd9ac85dd6.txt', '002_128d923c1ed1c91d.txt'];
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  __typename ... on IngestArticlePayload { status article { slug headline extractorVersion } events { slug kind } }
  ... on Error { code message } } }`;

let store: SitrepStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openSyntheticStore(8));
});
afterAll(() => close());

describe('ingestArticle and Subscription.eventAdded over SSE', () => {
  it('delivers the events an ingest creates to a subscriber, and calls a repeat ingest UNCHANGED', async () => {
    const yoga = await testYoga(store);
    const subscription = await yoga.fetch('http://sitrep.test/graphql', {
      method: 'POST',
      headers: SUBSCRIBE_HEADERS,
      body: JSON.stringify({
        query: 'subscription { eventAdded { slug kind summary article { headline } } }',
      }),
    });
    expect(subscription.status).toBe(200);
    expect(subscription.headers.get('content-type')).toMatch(/text\/event-stream/);

    const received = readEvents(subscription, 1);
    // No fixed sleep for the subscription to register: ingest one report after another until
    // one's events arrive, then check the event heard is one an ingest reported creating.
    const ingest = async (file: string) => {
      const res = await yoga.fetch(
        ...post(
          INGEST,
          { input: { text: corpus(file), url: `https://example.org/${file}` } },
          { 'x-api-key': API_KEY },
        ),
      );
      return (await res.json()) as IngestBody;
    };
    const created: string[] = [];
    let heard: { data: { eventAdded: { slug: string } } } | undefined;
    for (const file of FILES) {
      const body = await ingest(file);
      expect(body.data.ingestArticle.status).toBe('NEW');
      expect(body.data.ingestArticle.article.extractorVersion).toBe(EXTRACTOR_VERSION);
      created.push(...body.data.ingestArticle.events.map((e) => e.slug));
      const payloads = await Promise.race([received, new Promise<undefined>((r) => setTimeout(r, 2000))]);
      heard = payloads?.[0] as typeof heard;
      if (heard) break;
    }
    expect(created.length).toBeGreaterThan(0);
    expect(created).toContain(heard?.data.eventAdded.slug);

    const text = corpus(FILES[0]!);
    const again = await yoga.fetch(
      ...post(INGEST, { input: { text, url: `https://example.org/${FILES[0]}` } }, { 'x-api-key': API_KEY }),
    );
    expect(((await again.json()) as IngestBody).data.ingestArticle.status).toBe('UNCHANGED');
  });
});
