/**
 * The day's locator map through the real path: the corpus ingested into a real SQLite store,
 * read through the GraphQL operations (the places' GeoNames points), the issue written as
 * `sitrep digest --out` writes it and sent to a real SMTP server — the PNG beside the .html,
 * inline under its Content-ID in the .eml and in the sent message, the alt text naming the
 * places — and the choices of what is drawn, on days made for them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-wasm';
import { ingest, inputsFromPaths } from '@sitrep/ingest/ingest';
import { openStore, type SitrepStore } from '@sitrep/store/store';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build-issue.ts';
import { loadConfig } from '../src/config.ts';
import { fixtureSource } from '../src/data/day-source.ts';
import { inProcessExecutor } from '../src/data/executors.ts';
import { graphqlSource } from '../src/data/graphql-source.ts';
import type { DayData, DayEvent } from '../src/day-data.ts';
import { SEED_DAY_2016_12_09 } from '../src/fixtures/seed-day-2016-12-09.ts';
import { buildDayMap } from '../src/map/day-map.ts';
import { MAP_DRAWING, placeLabels } from '../src/map/place-labels.ts';
import { MAP_MAX_BYTES, radiusFor, renderMapPng } from '../src/map/render-map.ts';
import { startPreview } from '../src/preview/preview-server.ts';
import { recipientContext } from '../src/recipient-context.ts';
import { compileIssue, renderFor } from '../src/render/compile-issue.ts';
import { sendDigest } from '../src/send/send-digest.ts';
import { smtpTransport } from '../src/send/smtp-transport.ts';
import { writeDigest } from '../src/write-digests.ts';
import { LINKS, subscriber } from './seed-issue.ts';
import { startSmtpSink } from './smtp-sink.ts';

const CHROMIUM = '/usr/bin/chromium';
const corpus = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-map-'));
const config = loadConfig({});
let store: SitrepStore;

beforeAll(async () => {
  store = await openStore({ engine: 'sqlite', file: join(dir, 'sitrep.db') });
  expect(await ingest(store, inputsFromPaths([corpus]))).toMatchObject({ failed: 0 });
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('an issue whose events have places with points (the corpus, 9 December 2016)', () => {
  const out = join(dir, 'out');
  let written: string[];

  beforeAll(async () => {
    const r = await writeDigest('2016-12-09', {
      source: graphqlSource(inProcessExecutor(store)),
      config,
      out,
    });
    if (!('written' in r)) throw new Error(`skipped: ${r.skipped}`);
    written = r.written;
  }, 60_000);

  it('writes the map as a PNG beside the .html, 960 × 640 and at most 60 KB', () => {
    const file = join(out, '2016-12-09-map.png');
    expect(written).toContain(file);
    const png = readFileSync(file);
    expect(pngSize(png)).toEqual({ width: 960, height: 640 });
    expect(png.length).toBeLessThanOrEqual(60 * 1024);
  });

  it('shows it in the web edition from the file beside it, with alt text naming the places', () => {
    const html = readFileSync(join(out, '2016-12-09.html'), 'utf8');
    const img = /<img[^>]*src="2016-12-09-map\.png"[^>]*>/.exec(html)?.[0];
    expect(img).toBeDefined();
    expect(img).toMatch(/alt="Map of the events of 9 Dec 2016 in Syria: Sheikh Saeed[^"]*"/);
    expect(html).not.toContain('cid:');
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'loads from the file beside the .html in Chromium, fitting a 375 px phone',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
        await page.goto(pathToFileURL(join(out, '2016-12-09.html')).href, { waitUntil: 'load' });
        const img = await page.evaluate(() => {
          const i = [...document.images].find((x) => x.src.endsWith('-map.png'))!;
          return { natural: i.naturalWidth, shown: i.getBoundingClientRect().width, alt: i.alt };
        });
        expect(img.natural).toBe(960);
        expect(img.shown).toBeGreaterThan(300);
        expect(img.shown).toBeLessThanOrEqual(375);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
      } finally {
        await browser.close();
      }
    },
  );

  it('carries it inline in the .eml: the HTML part shows cid:, the part under that Content-ID is the PNG', async () => {
    const eml = readFileSync(join(out, '2016-12-09.eml'));
    const mail = await simpleParser(eml, { keepCidLinks: true });
    // text and HTML stay alternatives; the HTML and its picture are one multipart/related
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(eml.toString('latin1')).toMatch(/Content-Type: multipart\/related/);
    expect(mail.html).toContain('src="cid:map.2016-12-09@sitrep"');
    const part = mail.attachments.find((a) => a.contentId === '<map.2016-12-09@sitrep>');
    expect(part).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', related: true });
    expect(part!.content.equals(readFileSync(join(out, '2016-12-09-map.png')))).toBe(true);
    expect(mail.text).toContain('Map of the events of 9 Dec 2016 in Syria: Sheikh Saeed');
  });

  it('sends it inline to every recipient through a real SMTP server', async () => {
    const sink = await startSmtpSink();
    const transport = smtpTransport(sink.url, 1);
    try {
      const day = await graphqlSource(inProcessExecutor(store)).day('2016-12-09');
      const issue = await compileIssue(buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' }));
      const report = await sendDigest({
        issue,
        subscribers: [subscriber('ana@example.org')],
        transport,
        log: { sentKeys: async () => new Set(), record: async () => {} },
        from: config.from,
        links: LINKS,
        dkim: null,
      });
      expect(report.sent).toEqual(['ana@example.org']);
      const mail = await simpleParser(sink.received[0]!.raw, { keepCidLinks: true });
      expect(mail.html).toContain('src="cid:map.2016-12-09@sitrep"');
      expect(mail.attachments.map((a) => [a.contentId, a.contentType])).toEqual([
        ['<map.2016-12-09@sitrep>', 'image/png'],
      ]);
    } finally {
      transport.close();
      await sink.close();
    }
  });
});

describe('a day without located events', () => {
  it('has no map, no empty box and no file (the seed day: its places have no points)', async () => {
    const out = join(dir, 'fixtures');
    const r = await writeDigest('2016-12-09', { source: fixtureSource(), config, out });
    expect('issue' in r && r.issue.map).toBeNull();
    expect(readdirSync(out).sort()).toEqual(['2016-12-09.eml', '2016-12-09.html', '2016-12-09.txt']);
    const html = readFileSync(join(out, '2016-12-09.html'), 'utf8');
    expect(html).not.toContain('Where it happened');
    expect(html).not.toMatch(/<img[^>]*map/);
    const mail = await simpleParser(readFileSync(join(out, '2016-12-09.eml')));
    expect(mail.attachments).toHaveLength(0);
  });
});

/** The seed day's events, put where the gazetteer puts their places, and more. */
function located(events: Partial<DayEvent>[]): DayData {
  const base = SEED_DAY_2016_12_09.events[0]!;
  return {
    ...SEED_DAY_2016_12_09,
    events: events.map((e, i) => ({ ...base, id: `e${i}`, canonical: null, casualties: [], ...e })),
  };
}
const at = (name: string, lat: number, lon: number, kind = 'city') => ({
  name,
  within: [],
  point: { lat, lon },
  kind,
});
const killed = (n: number): DayEvent['casualties'] => [
  {
    articleId: 'a',
    killed: { best: n, low: null, high: null, qualifier: 'exact', group: 'people' },
    injured: null,
    reportedBy: [],
  },
];

describe('what the map draws', () => {
  const day = located([
    { kind: 'airstrike', place: at('Khan Sheikhoun', 35.44, 36.65), country: 'SY', casualties: killed(87) },
    { kind: 'shelling', place: at('Khan Sheikhoun', 35.44, 36.65), country: 'SY', casualties: killed(3) },
    { kind: 'aid_delivery', place: at('Idlib', 35.93, 36.63), country: 'SY' },
    { kind: 'airstrike', place: at('Syria', 35, 38, 'country'), country: 'SY', casualties: killed(20) },
    { kind: 'airstrike', place: { name: 'the north', within: [] }, country: null },
    { kind: 'un_vote', place: at('New York', 40.71, -74.01), country: 'US' },
    // an earlier attack recalled, dated only by the report: not the day's event
    {
      kind: 'chemical_attack',
      place: at('Ghouta', 33.52, 36.35),
      country: 'SY',
      casualties: killed(1400),
      precision: 'reported',
    },
  ]);
  const dayMap = buildDayMap(day, ['Syria'])!;
  const map = dayMap.panels[0]!;

  it('draws one point per place, its events’ deaths summed, coloured by its gravest family', () => {
    expect(map.places.map((p) => [p.name, p.killed, p.events, p.family])).toEqual([
      ['Khan Sheikhoun', 90, 2, 'violence'],
      ['Idlib', 0, 1, 'humanitarian'],
    ]);
    expect(map.countries).toEqual(['SY']);
    expect(dayMap.panels).toHaveLength(1);
    expect(dayMap.families.map((f) => f.family)).toEqual(['violence', 'humanitarian']);
  });

  it('names the places in the alt text and says in the caption what is not drawn and why', () => {
    expect(map.alt).toBe('Map of the events of 9 Dec 2016 in Syria: Khan Sheikhoun (90 killed); Idlib.');
    expect(map.caption).toContain(
      '1 event dated only by its report is not drawn; 2 events without a place precise enough to draw are not drawn; 1 place outside the area shown (New York) is not drawn.',
    );
  });

  it('frames the whole of a small country and keeps within a frame around the fighting', () => {
    const [[w, s], [e, n]] = map.frame;
    // Syria runs from about 35.7°E to 42.4°E and 32.3°N to 37.3°N
    expect(w).toBeLessThan(35.7);
    expect(e).toBeGreaterThan(42.3);
    expect(s).toBeLessThan(32.4);
    expect(n).toBeGreaterThan(37.3);
    expect(e - w).toBeLessThan(12);
  });

  it.each([
    [
      'a day of diplomacy only is framed around it',
      [{ kind: 'un_vote' as const, place: at('Geneva', 46.2, 6.14), country: 'CH' }],
      'Geneva',
    ],
    [
      'a big country is not framed whole',
      [{ kind: 'shelling' as const, place: at('Belgorod', 50.6, 36.59), country: 'RU' }],
      'Belgorod',
    ],
  ])('%s', (_, events, name) => {
    const m = buildDayMap(located(events), [])!.panels[0]!;
    expect(m.places.map((p) => p.name)).toEqual([name]);
    expect(m.frame[1][0] - m.frame[0][0]).toBeLessThan(25);
  });

  it('draws a point far from the day’s theatre in a panel of its own, after the theatre', () => {
    const m = buildDayMap(
      located([
        { kind: 'airstrike', place: at('Idlib', 35.93, 36.63), country: 'SY', casualties: killed(14) },
        { kind: 'shelling', place: at('Idlib', 35.93, 36.63), country: 'SY' },
        // one report's village resolved to its namesake abroad, with the day's biggest toll: more
        // events outweigh more deaths, so the theatre of two events leads
        { kind: 'bombing', place: at('Washington', 38.9, -77.04), country: 'US', casualties: killed(15) },
      ]),
      ['Syria', 'United States'],
    )!;
    expect(m.panels.map((p) => [p.places.map((q) => q.name), p.countries])).toEqual([
      [['Idlib'], ['SY']],
      [['Washington'], ['US']],
    ]);
    expect(m.panels[0]!.alt).toBe('Map of the events of 9 Dec 2016 in Syria: Idlib (14 killed).');
    expect(m.panels[1]!.caption).toBe("United States: 1 place of 9 Dec 2016's events.");
  });

  it('is null when no event has a point', () => {
    expect(buildDayMap(located([{ place: at('Syria', 35, 38, 'country') }, { place: null }]), [])).toBeNull();
  });

  it('stays under 60 KB on a day of many places across many borders', () => {
    // the Levant and Iraq: one frame, with the Mediterranean's coasts and a dozen borders
    const busy = located(
      [
        ['Adana', 37.0, 35.32, 'TR'],
        ['Amman', 31.95, 35.93, 'JO'],
        ['Nicosia', 35.17, 33.36, 'CY'],
        ['Kirkuk', 35.47, 44.39, 'IQ'],
        ['Aleppo', 36.2, 37.16, 'SY'],
        ['Gaza', 31.5, 34.47, 'PS'],
        ['Beirut', 33.89, 35.5, 'LB'],
        ['Mosul', 36.34, 43.13, 'IQ'],
        ['Baghdad', 33.31, 44.36, 'IQ'],
        ['Damascus', 33.51, 36.29, 'SY'],
      ].map(([name, lat, lon, country], i) => ({
        kind: 'airstrike' as const,
        place: at(name as string, lat as number, lon as number),
        country: country as string,
        casualties: killed(i * 7),
      })),
    );
    const png = renderMapPng(buildDayMap(busy, [])!.panels[0]!);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(720);
    expect(png.length).toBeLessThanOrEqual(MAP_MAX_BYTES);
  });
});

/**
 * A day of several wars: fighting in Haiti, Ukraine and Sudan, and in Myanmar, and a vote in New
 * York. The old map framed one theatre and named the rest as "outside the area shown"; a desk
 * officer following Ukraine got no picture of it.
 */
const warsDay = located([
  { kind: 'shelling', place: at('El Fasher', 13.63, 25.35), country: 'SD', casualties: killed(14) },
  { kind: 'airstrike', place: at('Kharkiv', 49.99, 36.23), country: 'UA', casualties: killed(3) },
  { kind: 'airstrike', place: at('Zaporizhzhia', 47.82, 35.19), country: 'UA', casualties: killed(2) },
  { kind: 'bombing', place: at('Port-au-Prince', 18.54, -72.34), country: 'HT', casualties: killed(9) },
  { kind: 'shelling', place: at('Delmas', 18.55, -72.3), country: 'HT' },
  { kind: 'airstrike', place: at('Mandalay', 21.97, 96.08), country: 'MM', casualties: killed(6) },
  { kind: 'un_vote', place: at('New York', 40.71, -74.01), country: 'US' },
]);

describe('a day of several wars', () => {
  const map = buildDayMap(warsDay, ['Sudan', 'Ukraine', 'Haiti', 'Myanmar'])!;

  it('draws one panel per theatre, gravest first (most events, then most deaths), at most three', () => {
    // Haiti and Ukraine have two events each, Haiti more deaths; Sudan one event with the most
    // deaths of any place comes after both; Myanmar, one event with fewer deaths, is not drawn
    expect(map.panels.map((p) => [p.countries, p.places.map((q) => [q.name, q.killed])])).toEqual([
      [
        ['HT'],
        [
          ['Port-au-Prince', 9],
          ['Delmas', 0],
        ],
      ],
      [
        ['UA'],
        [
          ['Kharkiv', 3],
          ['Zaporizhzhia', 2],
        ],
      ],
      [['SD'], [['El Fasher', 14]]],
    ]);
    expect(map.panels.every((p) => p.places.every((q) => q.label))).toBe(true);
  });

  it('frames each theatre by itself: its own points, none of the others’, its country whole', () => {
    const all = map.panels.flatMap((p) => p.places);
    for (const p of map.panels) {
      const [[w, s], [e, n]] = p.frame;
      expect(e - w).toBeLessThan(25);
      expect(n - s).toBeLessThan(25);
      const inFrame = all.filter((q) => q.lon >= w && q.lon <= e && q.lat >= s && q.lat <= n);
      expect(inFrame.map((q) => q.name)).toEqual(p.places.map((q) => q.name));
    }
    // Ukraine runs from about 22.1°E to 40.2°E
    const [[w], [e]] = map.panels[1]!.frame;
    expect(w).toBeLessThan(22.2);
    expect(e).toBeGreaterThan(40.1);
  });

  it('gives each panel its alt text and a caption line naming its countries; the last says what is not drawn', () => {
    expect(map.panels.map((p) => p.alt)).toEqual([
      'Map of the events of 9 Dec 2016 in Haiti: Port-au-Prince (9 killed); Delmas.',
      'Map of the events of 9 Dec 2016 in Ukraine: Kharkiv (3 killed); Zaporizhzhia (2 killed).',
      'Map of the events of 9 Dec 2016 in Sudan: El Fasher (14 killed).',
    ]);
    expect(map.panels.map((p) => p.caption)).toEqual([
      "Haiti: 2 places of 9 Dec 2016's events; circles sized by reported deaths.",
      "Ukraine: 2 places of 9 Dec 2016's events.",
      "Sudan: 1 place of 9 Dec 2016's events. 2 places outside the areas shown (Mandalay, New York) are not drawn.",
    ]);
  });

  it('draws no empty panel for a theatre a panel before it already shows', () => {
    // Kharkiv, the gravest point, leads a theatre alone (Lviv is more than 10° away); Haiti
    // then leads the rest, leaving Lviv a theatre of its own — inside Ukraine, framed whole
    const m = buildDayMap(
      located([
        { kind: 'airstrike', place: at('Kharkiv', 49.99, 36.23), country: 'UA', casualties: killed(20) },
        { kind: 'bombing', place: at('Port-au-Prince', 18.54, -72.34), country: 'HT', casualties: killed(9) },
        { kind: 'airstrike', place: at('Lviv', 49.84, 24.03), country: 'UA', casualties: killed(1) },
      ]),
      [],
    )!;
    expect(m.panels.map((p) => p.places.map((q) => q.name))).toEqual([
      ['Kharkiv', 'Lviv'],
      ['Port-au-Prince'],
    ]);
    expect(m.panels[0]!.caption).toBe(
      "Ukraine: 2 places of 9 Dec 2016's events; circles sized by reported deaths.",
    );
  });

  it('names each panel’s image and file apart, the first as a one-theatre day’s', () => {
    expect(map.panels.map((p) => [p.cid, p.file])).toEqual([
      ['map.2016-12-09@sitrep', '2016-12-09-map.png'],
      ['map.2016-12-09.2@sitrep', '2016-12-09-map-2.png'],
      ['map.2016-12-09.3@sitrep', '2016-12-09-map-3.png'],
    ]);
  });

  it('renders each panel as a one-theatre map: 960 px wide, at most 60 KB, each its own picture', () => {
    const pngs = map.panels.map(renderMapPng);
    for (const png of pngs) {
      expect(pngSize(png)).toEqual({ width: 960, height: 640 });
      expect(png.length).toBeLessThanOrEqual(MAP_MAX_BYTES);
    }
    expect(new Set(pngs.map((p) => p.toString('base64'))).size).toBe(3);
  });

  describe('in the issue as written, sent and previewed', () => {
    const out = join(dir, 'wars');
    const source = fixtureSource([warsDay]);
    beforeAll(async () => {
      const r = await writeDigest('2016-12-09', { source, config, out });
      if (!('written' in r)) throw new Error(`skipped: ${r.skipped}`);
    }, 60_000);

    it('writes one PNG per panel beside the .html, which shows them in order with their alt texts and captions', () => {
      expect(readdirSync(out).filter((f) => f.endsWith('.png'))).toEqual([
        '2016-12-09-map-2.png',
        '2016-12-09-map-3.png',
        '2016-12-09-map.png',
      ]);
      const html = readFileSync(join(out, '2016-12-09.html'), 'utf8');
      const imgs = [...html.matchAll(/<img[^>]*src="2016-12-09-map[^"]*"[^>]*>/g)].map((m) => [
        /src="([^"]+)"/.exec(m[0])![1],
        /alt="([^"]*)"/.exec(m[0])![1]!.replaceAll('&#x27;', "'"),
      ]);
      expect(imgs).toEqual([
        ['2016-12-09-map.png', map.panels[0]!.alt],
        ['2016-12-09-map-2.png', map.panels[1]!.alt],
        ['2016-12-09-map-3.png', map.panels[2]!.alt],
      ]);
      expect(html).not.toContain('cid:');
      // each caption right after its picture, in page order
      const at = map.panels.map((p) => html.indexOf(p.caption.replaceAll("'", '&#x27;')));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(html.indexOf('2016-12-09-map-2.png')).toBeGreaterThan(at[0]!);
      expect(html.indexOf('2016-12-09-map-3.png')).toBeLessThan(at[2]!);
    });

    it('carries each panel inline in the .eml under the Content-ID its <img> shows, and prints every panel in the text', async () => {
      const mail = await simpleParser(readFileSync(join(out, '2016-12-09.eml')), { keepCidLinks: true });
      const cids = [...(mail.html as string).matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
      expect(cids).toEqual(['map.2016-12-09@sitrep', 'map.2016-12-09.2@sitrep', 'map.2016-12-09.3@sitrep']);
      expect(mail.attachments.map((a) => [a.contentId, a.contentDisposition, a.contentType])).toEqual(
        cids.map((c) => [`<${c}>`, 'inline', 'image/png']),
      );
      for (const [i, a] of mail.attachments.entries())
        expect(a.content.equals(readFileSync(join(out, map.panels[i]!.file)))).toBe(true);
      const text = readFileSync(join(out, '2016-12-09.txt'), 'utf8').replace(/\n(?!\n)/g, ' ');
      for (const p of map.panels) {
        expect(text).toContain(p.alt);
        expect(text).toContain(p.caption);
      }
    });

    it('gives a reader who follows one war that war’s map alone', async () => {
      const issue = await compileIssue(
        buildIssue(warsDay, { archiveUrl: 'https://sitrep.example.org/digests' }),
      );
      const ctx = recipientContext(
        issue.model,
        subscriber('kyiv@example.org', { places: ['Kharkiv', 'Zaporizhzhia'] }),
        LINKS,
      )!;
      const images = issue.mapFor(ctx.map);
      expect(images).toHaveLength(1);
      expect(images[0]!.cid).toMatch(/^map\.2016-12-09\.[0-9a-f]{12}@sitrep$/);
      const { html, text } = renderFor(issue, ctx);
      expect([...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1])).toEqual([images[0]!.cid]);
      expect(html).toContain(
        'alt="Map of the events of 9 Dec 2016 in Ukraine: Kharkiv (3 killed); Zaporizhzhia (2 killed)."',
      );
      expect(html).not.toContain('Haiti:');
      expect(text).toContain('Map of the events of 9 Dec 2016 in Ukraine');
      expect(text).not.toContain('Map of the events of 9 Dec 2016 in Haiti');
      expect(text).not.toContain('Haiti: 2 places');
      // the whole issue's three panels, rendered once with it
      expect(issue.map.map((m) => m.cid)).toEqual(map.panels.map((p) => p.cid));
      expect(issue.mapFor(recipientContext(issue.model, subscriber('all@example.org'), LINKS)!.map)).toBe(
        issue.map,
      );
    });

    it('serves each panel in the preview, as the .html names it', async () => {
      const { server, url } = await startPreview({ source, config, port: 0 });
      try {
        for (const p of map.panels) {
          const r = await fetch(`${url}/${p.file}`);
          expect(r.status).toBe(200);
          expect(r.headers.get('content-type')).toBe('image/png');
          expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(out, p.file)))).toBe(true);
        }
        expect((await fetch(`${url}/2016-12-09-map-4.png`)).status).toBe(404);
        const page = await (await fetch(`${url}/2016-12-09.html`)).text();
        expect(page).toContain('src="2016-12-09-map-3.png"');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});

describe('each edition’s map', () => {
  // a day in Syria: fighting in Aleppo and Idlib, aid to Idlib, a vote in Geneva
  const day = located([
    { kind: 'airstrike', place: at('Aleppo', 36.2, 37.16), country: 'SY', casualties: killed(40) },
    { kind: 'shelling', place: at('Khan Sheikhoun', 35.44, 36.65), country: 'SY', casualties: killed(12) },
    { kind: 'aid_delivery', place: at('Idlib', 35.93, 36.63), country: 'SY' },
    { kind: 'airstrike', place: at('Deir ez-Zor', 35.34, 40.14), country: 'SY', casualties: killed(5) },
  ]);

  it('shows exactly the events the edition prints, in the picture and in the alt text, rendered once per set of events', async () => {
    const sink = await startSmtpSink();
    const transport = smtpTransport(sink.url, 1);
    try {
      const issue = await compileIssue(buildIssue(day, { archiveUrl: 'https://sitrep.example.org/digests' }));
      const report = await sendDigest({
        issue,
        subscribers: [
          subscriber('all@example.org'),
          subscriber('idlib@example.org', { places: ['Idlib', 'Khan Sheikhoun'] }),
          // other filters, the same two events: the same picture
          subscriber('same@example.org', { kinds: ['humanitarian', 'shelling'] }),
          subscriber('grave@example.org', { minKilled: 30 }),
        ],
        transport,
        log: { sentKeys: async () => new Set(), record: async () => {} },
        from: config.from,
        links: LINKS,
        dkim: null,
      });
      expect(report.sent).toHaveLength(4);
      const mails = new Map<string, Awaited<ReturnType<typeof simpleParser>>>();
      for (const r of sink.received) mails.set(r.rcpt[0]!, await simpleParser(r.raw, { keepCidLinks: true }));
      const picture = (email: string) => {
        const mail = mails.get(email)!;
        const img = /<img[^>]*src="cid:[^>]*>/.exec(mail.html as string)?.[0];
        expect(img).toBeDefined();
        const cid = /src="cid:([^"]+)"/.exec(img!)![1]!;
        const alt = /alt="([^"]*)"/.exec(img!)![1]!;
        expect(mail.attachments).toHaveLength(1);
        const part = mail.attachments[0]!;
        expect(part.contentId).toBe(`<${cid}>`);
        return { cid, alt: alt.replaceAll('&#x27;', "'"), png: part.content, text: mail.text! };
      };
      const all = picture('all@example.org');
      const idlib = picture('idlib@example.org');
      const same = picture('same@example.org');
      const grave = picture('grave@example.org');

      expect(all.cid).toBe('map.2016-12-09@sitrep');
      expect(all.alt).toBe(
        'Map of the events of 9 Dec 2016 in Syria: Aleppo (40 killed); Khan Sheikhoun (12 killed); Deir ez-Zor (5 killed); Idlib.',
      );
      expect(idlib.alt).toBe('Map of the events of 9 Dec 2016 in Syria: Khan Sheikhoun (12 killed); Idlib.');
      expect(idlib.text).toContain('Map of the events of 9 Dec 2016 in Syria: Khan Sheikhoun (12 killed);');
      expect(idlib.text).not.toContain('Aleppo (40 killed)');
      expect(idlib.cid).not.toBe(all.cid);
      expect(idlib.png.equals(all.png)).toBe(false);
      expect(grave.alt).toBe('Map of the events of 9 Dec 2016 in Syria: Aleppo (40 killed).');
      expect(grave.png.equals(idlib.png)).toBe(false);
      // the legend follows the edition: no aid point on the Aleppo-only map
      expect(mails.get('grave@example.org')!.html).not.toContain('Humanitarian');
      expect(mails.get('idlib@example.org')!.html).toContain('Humanitarian');
      // the same events under other filters: one render, one name
      expect(same.cid).toBe(idlib.cid);
      expect(same.png.equals(idlib.png)).toBe(true);
      expect(
        issue.mapFor(
          recipientContext(
            issue.model,
            subscriber('x@example.org', { places: ['Idlib', 'Khan Sheikhoun'] }),
            LINKS,
          )!.map,
        ),
      ).toBe(
        issue.mapFor(
          recipientContext(
            issue.model,
            subscriber('y@example.org', { kinds: ['humanitarian', 'shelling'] }),
            LINKS,
          )!.map,
        ),
      );
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('leaves the map out of an edition whose events have no point to draw', async () => {
    const issue = await compileIssue(
      buildIssue(
        located([
          { kind: 'airstrike', place: at('Aleppo', 36.2, 37.16), country: 'SY', casualties: killed(40) },
          {
            kind: 'shelling',
            place: { name: 'the north', within: [] },
            country: null,
            casualties: killed(3),
          },
        ]),
        { archiveUrl: 'https://sitrep.example.org/digests' },
      ),
    );
    const ctx = recipientContext(
      issue.model,
      subscriber('north@example.org', { places: ['the north'] }),
      LINKS,
    )!;
    expect(ctx.map).toBeNull();
    const { html, text } = renderFor(issue, ctx);
    expect(html).not.toContain('Where it happened');
    expect(html).not.toContain('cid:');
    expect(text).not.toContain('Map of the events');
  });
});

describe('the map’s labels', () => {
  // ten main places packed into a corner of the drawing, as a day of fighting around one city is
  const crowd = [
    'Aleppo',
    'Khan Sheikhoun',
    'Deir ez-Zor',
    'Idlib',
    'Maarat al-Numan',
    'Saraqib',
    'Jisr al-Shughur',
    'Ariha',
    'Kafr Nabl',
    'Sheikh Maqsoud',
  ].map((name, i) => ({
    name,
    lat: 0,
    lon: 0,
    killed: 40 - i * 4,
    events: 1,
    family: 'violence' as const,
    label: true,
    x: 380 + (i % 4) * 18,
    y: 40 + Math.floor(i / 4) * 22,
    r: radiusFor(40 - i * 4),
  }));
  const labels = placeLabels(crowd);

  it('drops or shifts a label rather than draw it over another, and keeps every label inside the picture', () => {
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.length).toBeLessThan(crowd.length); // some had to go
    for (const [i, a] of labels.entries()) {
      expect(a.box.x0).toBeGreaterThanOrEqual(0);
      expect(a.box.y0).toBeGreaterThanOrEqual(0);
      expect(a.box.x1).toBeLessThanOrEqual(MAP_DRAWING.width);
      expect(a.box.y1).toBeLessThanOrEqual(MAP_DRAWING.height);
      for (const b of labels.slice(i + 1))
        expect(
          a.box.x1 <= b.box.x0 || b.box.x1 <= a.box.x0 || a.box.y1 <= b.box.y0 || b.box.y1 <= a.box.y0,
        ).toBe(true);
    }
  });

  it('reserves for each label the box resvg draws its ink in', () => {
    const dejaVuBold = readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf');
    for (const l of labels) {
      const { width, height, labelPx, fontFamily } = MAP_DRAWING;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${l.x}" y="${l.y}" font-family="${fontFamily}" font-weight="bold" font-size="${labelPx}">${l.name}</text></svg>`;
      // the wasm module is initialised by importing the map's renderer; the font is read here, not taken from it
      const ink = new Resvg(svg, { font: { fontBuffers: [dejaVuBold] } }).getBBox()!;
      expect(ink.x).toBeGreaterThanOrEqual(l.box.x0);
      expect(ink.y).toBeGreaterThanOrEqual(l.box.y0);
      expect(ink.x + ink.width).toBeLessThanOrEqual(l.box.x1);
      expect(ink.y + ink.height).toBeLessThanOrEqual(l.box.y1);
    }
  });
});
