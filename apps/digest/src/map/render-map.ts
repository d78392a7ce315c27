/**
 * The day's map as a PNG: an SVG drawn with d3-geo (Mercator fitted to the frame, Natural
 * Earth's land and borders) and rasterised by resvg. A light map on its own sea colour with a
 * dark frame line, so it reads the same on a white page and on a dark client's, which leaves
 * images as they are; labels carry a white halo. Drawn at 480 × 320 and rasterised at twice
 * that, shown at up to 592 px wide: labels of 17 px stay above 11 px on a 375 px phone.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { geoMercator, geoPath } from 'd3-geo';
import type { DayMap, MapPlace } from './day-map.ts';
import { FAMILY_COLOURS } from './day-map.ts';
import { atlasCountries } from './world-atlas.ts';

const W = 480;
const H = 320;
const SCALE = 2;
const LABEL_PX = 17;

/** Fonts for the labels: Debian's DejaVu or Liberation when present, else whatever the system has. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
].filter((f) => existsSync(f));
const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

const COLOURS = {
  sea: '#d6e6ef',
  land: '#e9e5da',
  landStroke: '#b8b1a0',
  day: '#fffdf7',
  dayStroke: '#14213d',
  frame: '#14213d',
  labelText: '#14213d',
  halo: '#ffffff',
};

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Circle area grows with deaths; a place with none reported is a small dot. */
export const radiusFor = (killed: number) => Math.min(24, 4.5 + 2.1 * Math.sqrt(killed));

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const grow = (b: Box, by: number): Box => ({ x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by });

/** The white halo's reach (half its stroke) and a pixel of air beyond it. */
const HALO = 3;

const resvgFonts = () => ({
  fontFiles: FONT_FILES,
  loadSystemFonts: FONT_FILES.length === 0,
  defaultFontFamily: 'DejaVu Sans',
});

const inkBoxes = new Map<string, Box>();
/**
 * Where a label's ink lies from its start at the baseline, as resvg lays it out with the fonts it
 * will draw with (a guess per character was off by up to three quarters: "WWWW" against "iiii").
 * Names repeat from day to day, so each is measured once per process.
 */
export function inkBox(name: string): Box {
  let box = inkBoxes.get(name);
  if (!box) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W * 2}" height="${LABEL_PX * 4}"><text x="0" y="${LABEL_PX * 2}" font-family="${FONT_FAMILY}" font-weight="bold" font-size="${LABEL_PX}">${escapeXml(name)}</text></svg>`;
    const b = new Resvg(svg, { font: resvgFonts() }).getBBox();
    // no glyphs drawn (an unknown script without a font): the generous guess, so nothing overlaps
    box = b
      ? { x0: b.x, y0: b.y - LABEL_PX * 2, x1: b.x + b.width, y1: b.y + b.height - LABEL_PX * 2 }
      : { x0: 0, y0: -LABEL_PX, x1: name.length * LABEL_PX, y1: LABEL_PX * 0.3 };
    inkBoxes.set(name, box);
  }
  return box;
}

export interface PlacedLabel {
  name: string;
  /** the text's start on its baseline */
  x: number;
  y: number;
  /** its ink with the halo, in the drawing's pixels */
  box: Box;
}

/**
 * Labels beside their point where they cross no other label, no edge and, if they can, no other
 * circle: right, left, above, below, then the four corners; a label that fits nowhere is
 * dropped, never drawn over another. Main places are labelled first. Boxes are the measured ink
 * (`inkBox`) with its halo, so "no overlap" is what the PNG shows.
 */
export function placeLabels(
  places: readonly (MapPlace & { x: number; y: number; r: number })[],
): PlacedLabel[] {
  const circles: Box[] = places.map((p) => ({ x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r }));
  const placed: PlacedLabel[] = [];
  for (const p of places.filter((q) => q.label)) {
    const ink = inkBox(p.name);
    const w = ink.x1 - ink.x0;
    const h = ink.y1 - ink.y0;
    const gap = p.r + 4;
    const diagonal = p.r * Math.SQRT1_2 + 3;
    // the ink's top-left corner for each position
    const corners: [number, number][] = [
      [p.x + gap, p.y - h / 2],
      [p.x - gap - w, p.y - h / 2],
      [p.x - w / 2, p.y - gap - h],
      [p.x - w / 2, p.y + gap],
      [p.x + diagonal, p.y - diagonal - h],
      [p.x + diagonal, p.y + diagonal],
      [p.x - diagonal - w, p.y - diagonal - h],
      [p.x - diagonal - w, p.y + diagonal],
    ];
    const options = corners.map(([left, top]) => ({
      x: left - ink.x0,
      y: top - ink.y0,
      box: grow({ x0: left, y0: top, x1: left + w, y1: top + h }, HALO),
    }));
    const own = (c: Box) => c.x0 === p.x - p.r && c.y0 === p.y - p.r;
    const fits = (b: Box) =>
      b.x0 >= 2 && b.x1 <= W - 2 && b.y0 >= 2 && b.y1 <= H - 2 && !placed.some((l) => overlaps(l.box, b));
    const chosen =
      options.find((o) => fits(o.box) && !circles.some((c) => !own(c) && overlaps(c, o.box))) ??
      options.find((o) => fits(o.box));
    if (chosen) placed.push({ name: p.name, ...chosen });
  }
  return placed;
}

/** The drawing's size in its own pixels (the PNG is this times the zoom). */
export const MAP_DRAWING = { width: W, height: H, labelPx: LABEL_PX, fontFamily: FONT_FAMILY };

export function mapSvg(map: DayMap): string {
  const [[west, south], [east, north]] = map.frame;
  const projection = geoMercator()
    .fitExtent(
      [
        [12, 12],
        [W - 12, H - 12],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [west, south],
          [east, north],
          [west, north],
          [east, south],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [W, H],
    ]);
  const path = geoPath(projection).digits(1);
  // the view in degrees, generously: a country is drawn when its bounds meet it
  const [x0, y1] = projection.invert!([0, H])!;
  const [x1, y0] = projection.invert!([W, 0])!;
  const framed = new Set(map.countries);
  const land: string[] = [];
  const day: string[] = [];
  // past about 15 degrees across, 1:110m coasts look the same at this size and weigh half as much
  for (const c of atlasCountries(east - west > 15 ? '110m' : '50m')) {
    const [[w, s], [e, n]] = c.bounds;
    if (e < x0 || w > x1 || n < y1 || s > y0) continue;
    const d = path(c.feature);
    if (!d) continue;
    (c.alpha2 && framed.has(c.alpha2) ? day : land).push(d);
  }
  const placed = map.places
    .map((p) => {
      const [x, y] = projection([p.lon, p.lat])!;
      return { ...p, x, y, r: radiusFor(p.killed) };
    })
    .sort((a, b) => b.r - a.r);
  const circles = placed.map(
    (p) =>
      `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${r1(p.r)}" fill="${FAMILY_COLOURS[p.family]}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.5"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="${COLOURS.sea}"/>`,
    // crisp edges: anti-aliased coasts and borders were half the PNG's bytes, and at 2× they do not show
    `<path d="${land.join('')}" fill="${COLOURS.land}" stroke="${COLOURS.landStroke}" stroke-width="0.7" stroke-linejoin="round" shape-rendering="crispEdges"/>`,
    `<path d="${day.join('')}" fill="${COLOURS.day}" stroke="${COLOURS.dayStroke}" stroke-width="1.6" stroke-linejoin="round" shape-rendering="crispEdges"/>`,
    ...circles,
    `<g font-family="${FONT_FAMILY}" font-weight="bold" font-size="${LABEL_PX}" fill="${COLOURS.labelText}" stroke="${COLOURS.halo}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">`,
    ...placeLabels(placed).map((l) => `<text x="${r1(l.x)}" y="${r1(l.y)}">${escapeXml(l.name)}</text>`),
    '</g>',
    `<rect x="0.75" y="0.75" width="${W - 1.5}" height="${H - 1.5}" fill="none" stroke="${COLOURS.frame}" stroke-width="1.5"/>`,
    '</svg>',
  ].join('\n');
}

/** Under the budget for the picture: Gmail clips nothing for images, but readers on metered phones pay for them. */
export const MAP_MAX_BYTES = 60 * 1024;

/**
 * The PNG at twice the drawing's size, or at a lower density when a day with many borders would
 * pass MAP_MAX_BYTES (flat colours compress well; coastlines and anti-aliased edges do not).
 */
export function renderMapPng(map: DayMap): Buffer {
  const svg = mapSvg(map);
  let png: Buffer = Buffer.alloc(0);
  for (const zoom of [SCALE, 1.5, 1.25, 1]) {
    png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: zoom },
      font: resvgFonts(),
    })
      .render()
      .asPng();
    if (png.length <= MAP_MAX_BYTES) break;
  }
  return png;
}
