/**
 * Proof of issue 15 on a real news day: all of FA-KES ingested as a desk feeds it (each row's
 * outlet and date as metadata, `test/fa-kes-desk.ts`), then the issue of 4 April 2017, the day
 * of the sarin attack on Khan Sheikhoun, built through the GraphQL operations, compiled and
 * rendered as a recipient gets it. Heavy (the whole dataset through the ingest pipeline): skipped
 * with a message when the dataset is absent, as on a fresh clone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build-issue.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import type { IssueModel } from '../src/issue-model.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { type DeskRow, FAKES, hasFakes, writeDeskCsv } from './fa-kes-desk.ts';
import { LINKS, subscriber } from './seed-issue.ts';

const present = hasFakes();
if (!present)
  console.warn(
    `[khan sheikhoun issue] FA-KES not found at ${FAKES}: skipped (see ../shared/datasets/fa-kes/README.md)`,
  );

const DAY = '2017-04-04';
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe.skipIf(!present)('the issue of 4 April 2017 from all of FA-KES', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-fakes-'));
  let store: SitrepStore;
  let rows: DeskRow[];
  let issue: IssueModel;
  let html: string;
  let text: string;

  beforeAll(async () => {
    const desk = await writeDeskCsv(dir);
    rows = desk.rows;
    store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
    const summary = await ingest(store, inputsFromPaths([desk.file]), { jobs: 1 });
    // Only the rows that repeat an id with another text are refused; none is lost otherwise.
    expect(desk.conflictingIds).toBeGreaterThan(0);
    expect(summary.failed).toBe(desk.conflictingIds);
    const day = await graphqlSource(inProcessExecutor(store)).day(DAY);
    issue = buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' });
    const compiled = await compileIssue(issue);
    ({ html, text } = renderFor(compiled, recipientContext(issue, subscriber('desk@example.org'), LINKS)!));
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leads with the sarin attack on Khan Sheikhoun, corroborated by many outlets', () => {
    const lead = issue.stories[0]!;
    console.log(
      `lead: ${lead.kindLabel} · ${lead.placeLabel} · ${lead.dateLabel} · ${lead.corroborationLine}; then ${issue.stories
        .slice(1, 4)
        .map((s) => `${s.kindLabel} · ${s.placeLabel}`)
        .join(' | ')}`,
    );
    expect(lead.kindLabel).toBe('Chemical attack');
    expect(lead.placeLabel).toBe('Khan Sheikhoun');
    expect(lead.dateLabel).toBe('Tue 4 Apr');
    expect(Number(/^(\d+) outlets/.exec(lead.corroborationLine ?? '')?.[1])).toBeGreaterThanOrEqual(8);
    expect(text.indexOf('Khan Sheikhoun')).toBeLessThan(text.indexOf('TOP STORIES') + 80);
  });

  it('cites every source as its outlet and its headline, never a file', () => {
    // compared letters and digits only (39 rows hold U+FFFD marks), and without the site name a
    // title may end with ("… | Jordan Times"), which the reader takes off
    const title = (h: string) => squash(h.replace(/\s+\|\s+[^|]+$/, ''));
    const byHeadline = new Map(rows.map((r) => [title(r.headline), r]));
    const wrong = issue.sources.filter((s) => {
      const row = byHeadline.get(title(s.headline));
      return !row || !squash(s.outlet).includes(squash(row.outlet)) || row.publishedAt === '';
    });
    expect(issue.sources.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
    for (const s of issue.sources) expect(text).toContain(`[${s.n}] ${s.outlet}: ${s.headline}`);
    for (const part of [html, text]) expect(part).not.toMatch(/\/tmp\/|\.csv|corpus\//);
  });

  it('credits every figure to a name, never to a sentence fragment', () => {
    const credits = issue.stories.flatMap((s) => s.figures.flatMap((f) => f.attribution.split(/; |, via /)));
    const fragments = credits.filter(
      (c) => /\d/.test(c) || (/^(?:on|in|this|that|earlier|said|an?)\b/i.test(c) && c.split(' ').length < 3),
    );
    expect(credits.length).toBeGreaterThan(3);
    expect(fragments).toEqual([]);
  });

  it('names the day’s countries and says what was left out', () => {
    expect(issue.countries[0]).toBe('Syria');
    expect(issue.leftOut).toMatch(/^Not shown: /);
    expect(text).toContain('Not shown:');
    expect(issue.coverage).toMatch(/reports from \d+ outlets on events in Syria/);
  });
});
