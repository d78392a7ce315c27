/**
 * Proof of issue 15 on a real news day: all of FA-KES ingested as a desk feeds it (each row's
 * outlet and date as metadata, `test/fa-kes-desk.ts`), then the issue of 4 April 2017, the day
 * of the sarin attack on Khan Sheikhoun, built through the GraphQL operations, compiled and
 * rendered as a recipient gets it. Heavy (the whole dataset through the ingest pipeline): skipped
 * with a message when the dataset is absent, as on a fresh clone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build-issue.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import type { DayData } from '../src/day-data.ts';
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
/** War and period totals around the day, read by hand (unit_id, figure, why): the ingest tests' data. */
const TOTALS: { unitId: string; killed: number; reason: string }[] = JSON.parse(
  readFileSync(new URL('../../../packages/ingest/test/data/totals-2017-04-04.json', import.meta.url), 'utf8'),
).totals;
/** Idlib's places as the gazetteer names them: the town, and the governorate around it. */
const IDLIB = ['Khan Sheikhoun', 'Idleb Governorate'];
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe.skipIf(!present)('the issue of 4 April 2017 from all of FA-KES', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-fakes-'));
  let store: SitrepStore;
  let rows: DeskRow[];
  let issue: IssueModel;
  let day: DayData;
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
    day = await graphqlSource(inProcessExecutor(store)).day(DAY);
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

  it('holds the sarin attack as one canonical event, from at least 8 outlets', () => {
    const inIdlib = (e: DayData['events'][number]) =>
      e.place !== null && (IDLIB.includes(e.place.name) || IDLIB.some((p) => e.place?.within.includes(p)));
    const chemical = day.events.filter(
      (e) => e.kind === 'chemical_attack' && e.start === DAY && e.end === DAY && inIdlib(e),
    );
    expect(chemical.map((e) => e.canonical?.id)).toHaveLength(1);
    expect(chemical[0]?.canonical?.outlets).toBeGreaterThanOrEqual(8);
    // nothing else of the day's violence in Idlib that day gives the attack's toll apart from it
    const twins = day.events.filter(
      (e) =>
        e !== chemical[0] &&
        e.start === DAY &&
        e.end === DAY &&
        e.precision === 'day' &&
        inIdlib(e) &&
        e.casualties.some((c) => (c.killed?.best ?? 0) >= 50),
    );
    expect(twins.map((e) => `${e.kind} · ${e.place?.name}`)).toEqual([]);
  });

  it('carries no total as the toll of any story or canonical event dated to the day', () => {
    const unitOf = new Map(
      day.articles.map((a) => [a.id, rows.find((r) => squash(r.headline) === squash(a.headline))?.unitId]),
    );
    // the stories the issue shows, and every event the reports date to the day by their own words
    const shown = new Set(issue.stories.map((s) => s.id));
    const checked = day.events.filter(
      (e) => shown.has(e.id) || (e.precision === 'day' && e.start === DAY && e.end === DAY),
    );
    const carried = checked.flatMap((e) =>
      e.casualties.flatMap((c) => {
        const total = TOTALS.find((t) => t.unitId === unitOf.get(c.articleId) && t.killed === c.killed?.best);
        return total
          ? [`${e.kind} at ${e.place?.name ?? 'no place'}: ${total.killed} (${total.reason})`]
          : [];
      }),
    );
    expect(carried).toEqual([]);
    for (const e of checked)
      if (e.canonical?.killedBest != null)
        expect(
          TOTALS.map((t) => t.killed),
          `${e.kind} at ${e.place?.name}`,
        ).not.toContain(e.canonical.killedBest);
  });

  it('counts the day’s killed once per incident in the top box', () => {
    // the sum of the day's stories dated to the day, one figure each, nested twins counted once:
    // the sarin attack's highest report (100) is in it once, whatever else reported it at the
    // governorate
    const killed = Number((issue.tallies.find((t) => t.label === 'Killed')?.value ?? '').replace(/,/g, ''));
    const sarinHigh = Math.max(
      ...day.events
        .filter((e) => e.kind === 'chemical_attack' && e.start === DAY && e.precision === 'day')
        .flatMap((e) => e.casualties.map((c) => c.killed?.best ?? 0)),
    );
    expect(killed).toBeGreaterThanOrEqual(sarinHigh);
    expect(killed).toBeLessThan(2 * sarinHigh);
  });

  it('shows each story with a sentence about its own place', () => {
    // a report placed elsewhere ("19 killed near the Syrian capital") never speaks for a story in Khan Sheikhoun
    const lead = day.events.find((e) => e.kind === 'chemical_attack' && e.place?.name === 'Khan Sheikhoun');
    expect(lead?.summary).toBeDefined();
    for (const s of issue.stories)
      if (s.placeLabel === 'Khan Sheikhoun') expect(s.summary).not.toMatch(/Syrian capital|Damascus/);
    // nor a sentence that opens with a page's tag list ("Tags Syria Idlib gas attack chlorine ...")
    for (const s of issue.stories) expect(s.summary).not.toMatch(/^(?:Tags|Related|Share)\b/);
  });

  it('names the day’s countries from its stories only, and says what was left out', () => {
    // a month's or a year's context, or a lower-ranked report placed abroad, names no country
    expect(issue.countries).toEqual(['Syria']);
    expect(issue.mastheadLabel).toBe('Syria · Daily situation report');
    expect(issue.leftOut).toMatch(/^Not shown: /);
    expect(text).toContain('Not shown:');
    expect(issue.coverage).toMatch(/reports from \d+ outlets on events in Syria/);
  });
});
