/**
 * Where the map's place names go. A label's box is its ink as resvg lays it out with the fonts
 * it is drawn with, plus its halo, so that "no overlap" here is no overlap in the PNG.
 */
import type { MapPlace } from './day-map.ts';
import { escapeXml, FONT_FAMILY, H, LABEL_PX, W } from './map-drawing.ts';
import { inkBBox } from './resvg.ts';

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
    const b = inkBBox(svg);
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

/** The drawing's size in its own pixels and its labels' type, for tests that lay labels out. */
export const MAP_DRAWING = { width: W, height: H, labelPx: LABEL_PX, fontFamily: FONT_FAMILY };
