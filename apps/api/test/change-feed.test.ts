import { exportText, parseExportQuery } from '@sitrep/export/write-export';
import type { SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents, SUBSCRIBE_HEADERS } from './sse.ts';
import { API_KEY, post, testYoga } from './test-yoga.ts';

// Two short reports of one strike, written for this test: the second joins the first's event.
const A = 'Air strikes killed 12 people in Douma on Tuesday, rescuers said.';
const B =
  'An air strike killed 12 civilians in Douma on Tuesday, the Syrian Observatory for Human Rights said.';
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  __typename ... on IngestArticlePayload { status } ... on Error { code message } } }`;
const CHANGES = `query($after: String) { changes(after: $after, first: 10) {
  edges { cursor node { kind slug mergedIntoSlug changedAt event { slug reports { event { slug } } } } }
  hasNextPage endCursor } }`;

interface ChangeNode {
  kind: string;
  slug: string;
  mergedIntoSlug: string | null;
  changedAt: string;
  event: { slug: string; reports: unknown[] } | null;
}

// an empty SQLite store: the feed then holds only what these ingests did
const [sqlite] = await engineCases();
let store: SitrepStore;
beforeAll(async () => {
  store = await sqlite!.open();
});
afterAll(() => sqlite!.cleanup());

describe('Query.changes and Subscription.canonicalEventChanged', () => {
  it('a report joining an event is one UPDATED change under the same slug, in the feed and to subscribers', async () => {
    const yoga = await testYoga(store);
    const ingest = async (text: string, name: string) => {
      const input = { text, url: `https://example.org/${name}`, outlet: name, publishedAt: '2017-03-28' };
      const res = await yoga.fetch(...post(INGEST, { input }, { 'x-api-key': API_KEY }));
      expect(
        ((await res.json()) as { data: { ingestArticle: { status: string } } }).data.ingestArticle.status,
      ).toBe('NEW');
    };
    const changes = async (after: string | null) => {
      const res = await yoga.fetch(...post(CHANGES, { after }));
      const body = (await res.json()) as {
        data: {
          changes: { edges: { cursor: string; node: ChangeNode }[]; hasNextPage: boolean; endCursor: string };
        };
      };
      return body.data.changes;
    };
    const start = await store.changesCursor();

    const subscription = await yoga.fetch('http://sitrep.test/graphql', {
      method: 'POST',
      headers: SUBSCRIBE_HEADERS,
      body: JSON.stringify({ query: 'subscription { canonicalEventChanged { kind slug event { slug } } }' }),
    });
    expect(subscription.status).toBe(200);
    const heard = readEvents(subscription, 1);

    await ingest(A, 'reuters');
    const afterA = await changes(start);
    expect(afterA.edges.map((e) => e.node.kind)).toEqual(['CREATED']);
    const slug = afterA.edges[0]!.node.slug;
    expect(afterA.edges[0]!.node.event?.reports).toHaveLength(1);

    await ingest(B, 'aljazeera');
    const afterB = await changes(afterA.endCursor);
    expect(afterB.edges.map((e) => [e.node.kind, e.node.slug])).toEqual([['UPDATED', slug]]);
    expect(afterB.edges[0]!.node.event).toMatchObject({ slug, reports: [{}, {}] });
    expect(Date.parse(afterB.edges[0]!.node.changedAt)).not.toBeNaN();
    // nothing since: no edges, and the same cursor to keep
    expect(await changes(afterB.endCursor)).toMatchObject({
      edges: [],
      hasNextPage: false,
      endCursor: afterB.endCursor,
    });

    // `sitrep export --since` / `?since=`: the same change as a file, ACLED's timestamp its time
    const since = exportText(store, parseExportQuery({ format: 'acled', since: afterA.endCursor }));
    let csv = '';
    for await (const piece of since.pieces) csv += piece;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.event_id_cnty)).toEqual([slug]);
    expect(Number(rows[0]!.timestamp)).toBe(Math.floor(Date.parse(afterB.edges[0]!.node.changedAt) / 1000));
    expect(since.summary.nextCursor).toBe(afterB.endCursor);
    // and from the end, nothing
    const none = exportText(store, parseExportQuery({ format: 'acled', since: afterB.endCursor }));
    for await (const _ of none.pieces);
    expect(none.summary.written).toBe(0);

    // the subscriber heard one of the two changes to this event (the first, unless it subscribed
    // after A's), each as the feed gives it
    const [payload] = (await heard) as { data: { canonicalEventChanged: { kind: string; slug: string } } }[];
    expect(payload?.data.canonicalEventChanged.slug).toBe(slug);
    expect(['CREATED', 'UPDATED']).toContain(payload?.data.canonicalEventChanged.kind);
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT', async () => {
    const yoga = await testYoga(store);
    const res = await yoga.fetch(...post(CHANGES, { after: 'nonsense' }));
    const body = (await res.json()) as { errors: { extensions: { code: string }; message: string }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
