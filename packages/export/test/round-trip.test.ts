import { check } from '@placemarkio/check-geojson';
import type { CanonicalEvent } from '@sitrep/schema/canonical-event';
import type { Event } from '@sitrep/schema/event';
import { eventKindInfo } from '@sitrep/schema/event-kinds';
import type { CanonicalEventFilter, SitrepStore } from '@sitrep/store/store';
import { engineCases } from '@sitrep/store/test-engines';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, parseSitrepTags, UCDP_COLUMNS } from '../src/formats/index.ts';
import { exportToString } from './export-text.ts';
import { fillFixtureStore } from './fixture-store.ts';

const cases = await engineCases();
afterAll(async () => {
  for (const c of cases) await c.cleanup();
});

/** Every canonical event the store's own page reads (what the API serves) give for a filter, oldest first. */
async function canonicalPages(store: SitrepStore, filter: CanonicalEventFilter): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listCanonicalEvents(filter, {
      first: 100,
      after,
      orderBy: 'DATE_ASC',
      withTotal: false,
    });
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const csv = (text: string) =>
  parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

describe.each(cases)('exports parsed back by real parsers equal the store, on $name', (engine) => {
  let store: SitrepStore;
  let canonical: CanonicalEvent[];
  beforeAll(async () => {
    if (engine.skip) return;
    store = await engine.open();
    await fillFixtureStore(store, 90);
    canonical = await canonicalPages(store, {});
  });

  it.skipIf(engine.skip)(
    'ACLED: one row per canonical event, in order, with its figures, dates and tags',
    async () => {
      const { text, summary } = await exportToString(store, { format: 'acled' }, 17);
      expect(text.split('\n')[0]).toBe(ACLED_COLUMNS.join(','));
      const rows = csv(text);
      expect(canonical.length).toBeGreaterThan(40);
      expect(summary.written).toBe(canonical.length);
      expect(rows.map((r) => r.event_id_cnty)).toEqual(canonical.map((c) => c.id));
      for (const [i, c] of canonical.entries()) {
        const row = rows[i]!;
        const tags = parseSitrepTags(row.tags!);
        expect(row.event_date).toBe(c.occurred.start ?? '');
        expect(row.fatalities).toBe(String(c.figures.killed?.best ?? 0));
        expect(row.event_type).toBe(eventKindInfo(c.kind).acled?.[0] ?? '');
        expect(tags.kind).toBe(c.kind);
        expect(tags.reports).toBe(String(c.mentions.length));
        expect(tags.killed_low ?? '').toBe(num(c.figures.killed?.low));
        expect(tags.killed_high ?? '').toBe(num(c.figures.killed?.high));
        expect(tags.injured ?? '').toBe(num(c.figures.injured?.best));
        expect(tags.disputed === 'true').toBe(c.disputed);
        expect(row.notes!.length).toBeGreaterThan(10);
      }
      // Two reports of one strike are one row: the fixture joins every third pair.
      expect(canonical.some((c) => c.mentions.length === 2)).toBe(true);
      const disputed = canonical.find((c) => c.figures.killed?.disputed);
      expect(disputed).toBeDefined();
      const values = [...new Set(disputed!.figures.killed!.competing.map((r) => r.value))].sort(
        (a, b) => a - b,
      );
      const row = rows.find((r) => r.event_id_cnty === disputed!.id)!;
      expect(parseSitrepTags(row.tags!).killed_competing).toBe(values.join(','));
      expect(row.source!.split('; ').length).toBeGreaterThanOrEqual(1);
    },
  );

  it.skipIf(engine.skip)('UCDP GED: the same events with best/low/high and their dates', async () => {
    const { text } = await exportToString(store, { format: 'ucdp' });
    expect(text.split('\n')[0]).toBe(UCDP_COLUMNS.join(','));
    const rows = csv(text);
    expect(rows.map((r) => r.id)).toEqual(canonical.map((c) => c.id));
    for (const [i, c] of canonical.entries()) {
      const k = c.figures.killed;
      expect(rows[i]!.best).toBe(String(k?.best ?? 0));
      expect(rows[i]!.low).toBe(String(k?.low ?? 0));
      expect(rows[i]!.high).toBe(String(k?.high ?? 0));
      expect(rows[i]!.date_start).toBe(c.occurred.start ?? '');
      expect(rows[i]!.number_of_sources).toBe(String(c.mentions.length));
    }
  });

  it.skipIf(engine.skip)(
    'GeoJSON: a valid FeatureCollection of the located events; the rest counted',
    async () => {
      const { text, summary } = await exportToString(store, { format: 'geojson' }, 13);
      const collection = check(text) as unknown as {
        features: { id: string; geometry: { coordinates: [number, number] } }[];
        'sitrep:unlocated': number;
      };
      const places = await store.placesByIds(canonical.map((c) => c.location?.placeId ?? ''));
      const located = canonical.filter((_, i) => places[i]?.lat != null);
      expect(located.length).toBeGreaterThan(0);
      expect(located.length).toBeLessThan(canonical.length);
      expect(collection.features.map((f) => f.id)).toEqual(located.map((c) => c.id));
      const first = places.find((p) => p?.lat != null)!;
      const feature = collection.features[located.findIndex((c) => c.location?.placeId === first.id)]!;
      expect(feature.geometry.coordinates).toEqual([first.lon, first.lat]);
      expect(collection['sitrep:unlocated']).toBe(canonical.length - located.length);
      expect(summary.unlocated).toBe(canonical.length - located.length);
    },
  );

  it.skipIf(engine.skip)('JSON Lines: each line is the stored record, whole', async () => {
    const { text } = await exportToString(store, { format: 'jsonl' }, 7);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as CanonicalEvent);
    expect(lines).toEqual(canonical);
  });

  it.skipIf(engine.skip)('--level report: every article report, as the events page gives them', async () => {
    const { text } = await exportToString(store, { format: 'jsonl', level: 'report' }, 50);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Event);
    const reports: Event[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.listEvents({}, { first: 100, after, orderBy: 'DATE_ASC', withTotal: false });
      reports.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(lines).toEqual(reports);
    expect(lines.length).toBe(90);
    const acled = csv((await exportToString(store, { format: 'acled', level: 'report' })).text);
    expect(acled.map((r) => r.event_id_cnty)).toEqual(reports.map((r) => r.id));
  });

  it.skipIf(engine.skip)(
    'filters: kinds and dates as the canonical events page, countries by place',
    async () => {
      const filter = { kinds: ['airstrike', 'shelling'] as const, from: '2016-03-01', to: '2016-09-30' };
      const expected = await canonicalPages(store, { ...filter, kinds: [...filter.kinds] });
      expect(expected.length).toBeGreaterThan(0);
      const { text } = await exportToString(store, {
        format: 'acled',
        kinds: 'airstrike,shelling',
        from: filter.from,
        to: filter.to,
        countries: 'sy',
      });
      expect(csv(text).map((r) => r.event_id_cnty)).toEqual(expected.map((c) => c.id));
      const none = await exportToString(store, { format: 'ucdp', countries: 'UA' });
      expect(none.text).toBe(`${UCDP_COLUMNS.join(',')}\n`);
      expect(none.summary.written).toBe(0);
    },
  );
});
