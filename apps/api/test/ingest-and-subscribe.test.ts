import { readFileSync } from 'node:fs';
import type { SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents, SUBSCRIBE_HEADERS } from './sse.ts';
import { openSyntheticStore } from './synthetic-store.ts';
import { API_KEY, post, testYoga } from './test-yoga.ts';

const corpus = (name: string) => readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  __typename ... on IngestArticlePayload { status article { slug headline } events { slug kind } }
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

    const text = corpus('003_7e8356547cb68094.txt');
    const received = readEvents(subscription, 1);
    // give the subscription a moment to register before publishing
    await new Promise((r) => setTimeout(r, 50));
    const res = await yoga.fetch(
      ...post(INGEST, { input: { text, url: 'https://example.org/003' } }, { 'x-api-key': API_KEY }),
    );
    const body = (await res.json()) as {
      data: { ingestArticle: { status: string; events: { slug: string }[] } };
    };
    expect(body.data.ingestArticle.status).toBe('NEW');
    expect(body.data.ingestArticle.events.length).toBeGreaterThan(0);

    const [first] = (await received) as { data: { eventAdded: { slug: string } } }[];
    expect(body.data.ingestArticle.events.map((e) => e.slug)).toContain(first?.data.eventAdded.slug);

    const again = await yoga.fetch(
      ...post(INGEST, { input: { text, url: 'https://example.org/003' } }, { 'x-api-key': API_KEY }),
    );
    expect(((await again.json()) as typeof body).data.ingestArticle.status).toBe('UNCHANGED');
  });
});
