/**
 * The digest's data through the API: every operation validates against @sitrep/graphql's
 * schema, and the corpus ingested into a real SQLite store comes back as a day's issue —
 * in process, and over HTTP through the remote executor, with the same result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '@sitrep/graphql/context';
import { schema } from '@sitrep/graphql/schema';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { type DocumentNode, graphql, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build-issue.ts';
import { inProcessExecutor, remoteExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import * as operations from '../src/data/operations.generated.ts';

const corpus = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-gql-'));
let store: SitrepStore;
let server: Server;
let url: string;

beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  // what `sitrep ingest` runs
  expect(await ingest(store, inputsFromPaths([corpus]))).toMatchObject({ failed: 0 });
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    const result = await graphql({
      schema,
      source: query,
      variableValues: variables,
      contextValue: createContext({ store }),
    });
    res.writeHead(200, { 'content-type': 'application/graphql-response+json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const DOCUMENTS = Object.entries(operations).filter(([name]) => /Document$/.test(name)) as [
  string,
  DocumentNode,
][];

describe('the GraphQL operations', () => {
  it('are the three the digest runs', () => {
    expect(DOCUMENTS.map(([name]) => name).sort()).toEqual([
      'DigestArticlesDocument',
      'DigestDaysDocument',
      'DigestEventsDocument',
    ]);
  });
  it.each(DOCUMENTS)('%s validates against the schema the API serves', (_, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});

describe('a day from the ingested corpus', () => {
  it('lists the days that have events, 9 December 2016 among them', async () => {
    const days = await graphqlSource(inProcessExecutor(store)).daysWithEvents();
    expect(days).toContain('2016-12-09');
    expect([...days].sort()).toEqual(days);
  });

  it('builds the issue of 9 December 2016 with the UN vote counted and the Geneva talks ahead', async () => {
    const day = await graphqlSource(inProcessExecutor(store)).day('2016-12-09');
    const issue = buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' });
    expect(issue.diplomacy.find((d) => d.status === 'vote')?.voteLine).toBe('122 in favour, 13 against');
    expect(issue.next.some((n) => n.whenLabel === 'Sat 10 Dec' && n.placeLabel === 'Geneva')).toBe(true);
    // outlet and headline, never the path of the file it was ingested from
    expect(issue.sources.every((s) => s.headline.length > 0 && !s.headline.includes('corpus/'))).toBe(true);
    expect(issue.sources.every((s) => s.href === null || /^https?:\/\//.test(s.href))).toBe(true);
    expect(day.tallies.map((d) => d.date)).toEqual([
      '2016-12-02',
      '2016-12-03',
      '2016-12-04',
      '2016-12-05',
      '2016-12-06',
      '2016-12-07',
      '2016-12-08',
      '2016-12-09',
    ]);
  });

  it('reads the same day over HTTP as in process', async () => {
    const local = await graphqlSource(inProcessExecutor(store)).day('2016-12-09');
    const remote = await graphqlSource(remoteExecutor(url)).day('2016-12-09');
    expect(remote).toEqual(local);
  });

  it('says what to do when the remote API is down', async () => {
    await expect(graphqlSource(remoteExecutor('http://127.0.0.1:9')).day('2016-12-09')).rejects.toThrow(
      /cannot reach http:\/\/127\.0\.0\.1:9\/graphql: .*is the API running\?/,
    );
  });
});
