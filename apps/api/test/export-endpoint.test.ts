import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { fillFixtureStore } from '@sitrep/export/test-fixture';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { API_KEY } from './test-yoga.ts';

let dir: string;
let store: SitrepStore;
let server: RunningServer;
let base: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-api-export-'));
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  await fillFixtureStore(store, 240);
  // Production settings: keys configured (they gate mutations only), CORS for one desk's origin.
  const config = readConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SITREP_API_KEYS: API_KEY,
    SITREP_CORS_ORIGINS: 'https://desk.example',
  });
  server = await startServer(config, { store });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The canonical events' store ids the GraphQL API gives for a filter, oldest first, every page. */
async function graphqlIds(filter: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($filter: CanonicalEventFilter, $after: String) {
          canonicalEvents(filter: $filter, first: 100, after: $after, orderBy: DATE_ASC) {
            pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        variables: { filter, after },
      }),
    });
    const body = (await res.json()) as {
      data: {
        canonicalEvents: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { id: string } }[];
        };
      };
    };
    const page = body.data.canonicalEvents;
    // global ids are base64 of "CanonicalEvent:<store id>"
    ids.push(...page.edges.map((e) => Buffer.from(e.node.id, 'base64').toString('utf8').split(':')[1]!));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

const csv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('GET /export/events.* on a listening server', () => {
  it('streams ACLED CSV as an attachment, the same events GraphQL lists', async () => {
    const res = await fetch(`${base}/export/events.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sitrep-events-acled.csv"');
    // streamed: no length known up front
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const rows = csv(await res.text());
    const ids = await graphqlIds({});
    expect(ids.length).toBeGreaterThan(100);
    expect(rows.map((r) => r.event_id_cnty)).toEqual(ids);
  });

  it('filters UCDP CSV as GraphQL filters canonical events', async () => {
    const url = `${base}/export/events.csv?format=ucdp&kinds=airstrike,shelling&from=2016-03-01&to=2016-10-31`;
    const res = await fetch(url);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sitrep-events-ucdp-2016-03-01_2016-10-31.csv"',
    );
    const rows = csv(await res.text());
    const ids = await graphqlIds({ kinds: ['AIRSTRIKE', 'SHELLING'], from: '2016-03-01', to: '2016-10-31' });
    expect(ids.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('serves valid GeoJSON and JSON Lines of reports', async () => {
    const geo = await fetch(`${base}/export/events.geojson?countries=SY`);
    expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const collection = check(await geo.text()) as unknown as {
      features: unknown[];
      'sitrep:unlocated': number;
    };
    expect(collection.features.length + collection['sitrep:unlocated']).toBe((await graphqlIds({})).length);
    const lines = (await (await fetch(`${base}/export/events.jsonl?level=report`)).text())
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id.slice(0, 4))).toEqual(
      lines.map(() => 'evt_'),
    );
    expect(lines.length).toBe(240);
  });

  it('needs no key (exports are reads) and answers CORS as /graphql does', async () => {
    const allowed = await fetch(`${base}/export/events.jsonl`, {
      headers: { origin: 'https://desk.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    await allowed.body?.cancel();
    const other = await fetch(`${base}/export/events.jsonl`, {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.body?.cancel();
  });

  it.each([
    ['/export/events.csv?from=2016-02-30', 400, 'BAD_USER_INPUT', /^from: "2016-02-30" is not a date/],
    [
      '/export/events.csv?format=geojson',
      400,
      'BAD_USER_INPUT',
      /^format: "geojson" is not served at \/export\/events.csv; use acled or ucdp/,
    ],
    ['/export/events.geojson?country=SY', 400, 'BAD_USER_INPUT', /^country: not an export parameter/],
    [
      '/export/events.jsonl?kinds=airstrikes',
      400,
      'BAD_USER_INPUT',
      /^kinds: "airstrikes" is not an event kind/,
    ],
    ['/export/events.jsonl?countries=Syria', 400, 'BAD_USER_INPUT', /^countries: "Syria"/],
    ['/export/events.csv?since=abc', 400, 'BAD_USER_INPUT', /^since: "abc" is not a cursor Sitrep issued/],
    // a well-formed cursor past the feed's end reads nothing, but report-level since is refused
    [
      '/export/events.csv?level=report&since=Y2hnMTo1',
      400,
      'BAD_USER_INPUT',
      /^since: the change feed follows canonical events/,
    ],
    ['/export/events.xlsx', 404, 'NOT_FOUND', /^no export at \/export\/events.xlsx/],
  ])('%s → %i with code %s', async (path, status, code, message) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(code);
    expect(body.errors[0]!.message).toMatch(message);
  });

  it('refuses other methods with 405 and Allow', async () => {
    const res = await fetch(`${base}/export/events.csv`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${base}/export/events.csv?format=ucdp`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toBe('attachment; filename="sitrep-events-ucdp.csv"');
  });

  it('keeps serving after a client hangs up mid-file', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/export/events.jsonl?level=report`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const again = await fetch(`${base}/export/events.csv`);
    expect(csv(await again.text()).length).toBe((await graphqlIds({})).length);
  });
});
