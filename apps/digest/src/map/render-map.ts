/**
 * The day's map as a PNG: an SVG drawn with d3-geo (Mercator fitted to the frame, Natural
 * Earth's land and borders) and rasterised by resvg. A light map on its own sea colour with a
 * dark frame line, so it reads the same on a white page and on a dark client's, which leaves
 * images as they are; labels carry a white halo. Drawn at 480 × 320 and rasterised at twice
 * that, shown at up to 592 px wide: labels of 17 px stay above 11 px on a 375 px phone.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { MapPanel } from './day-map.ts';
import { FAMILY_COLOURS } from './day-map.ts';
import { escapeXml, FONT_FAMILY, H, LABEL_PX, W } from './map-drawing.ts';
import { placeLabels } from './place-labels.ts';
import { svgToPng } from './resvg.ts';
import { atlasCountries } from './world-atlas.ts';

const SCALE = 2;

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

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Circle area grows with deaths; a place with none reported is a small dot. */
export const radiusFor = (killed: number) => Math.min(24, 4.5 + 2.1 * Math.sqrt(killed));

/** One panel (one theatre) as SVG: each panel is a picture of its own, drawn as a one-theatre day always was. */
export function mapSvg(map: MapPanel): string {
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
 * A panel's PNG at twice the drawing's size, or at a lower density when a day with many borders would
 * pass MAP_MAX_BYTES (flat colours compress well; coastlines and anti-aliased edges do not).
 */
export function renderMapPng(map: MapPanel): Buffer {
  const svg = mapSvg(map);
  let png: Buffer = Buffer.alloc(0);
  for (const zoom of [SCALE, 1.5, 1.25, 1]) {
    png = svgToPng(svg, zoom);
    if (png.length <= MAP_MAX_BYTES) break;
  }
  return png;
}
