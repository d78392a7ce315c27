/**
 * resvg, the map's one renderer, as WebAssembly. resvg-js 2.6.2 (the native build) keeps each
 * render's memory outside V8's sight and never gives it back, collection or not
 * (thx/resvg-js#216): 400 maps in one process grew RSS by ≈ 4.5 MB each. The wasm build
 * is the same resvg with explicit `free()`: what a render takes goes back to the module's linear
 * memory and the next render reuses it, so a process that draws thousands of maps stays flat.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';
import { FONT_FILES } from './map-drawing.ts';

// initWasm may run once per loaded package, and a test runner evaluates this module again per
// test file while Node may keep the package loaded: its "Already initialized" means ready.
try {
  await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
} catch (e) {
  if (!(e instanceof Error && e.message.startsWith('Already initialized'))) throw e;
}

/** The label fonts' bytes, read once: wasm cannot open files, so each render is handed them. */
const fontBuffers = FONT_FILES.map((f) => new Uint8Array(readFileSync(f)));

/** resvg's font options, the same for measuring a label and for drawing it. */
const fontOptions = (): ResvgRenderOptions['font'] => ({ fontBuffers, defaultFontFamily: 'DejaVu Sans' });

/** The SVG as a PNG at `zoom` times its size. */
export function svgToPng(svg: string, zoom: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: fontOptions() });
  try {
    const image = resvg.render();
    try {
      const png = image.asPng(); // a copy out of wasm memory, so it outlives free()
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** Where the SVG's ink lies, or null when nothing is drawn (text in a script no font has). */
export function inkBBox(svg: string): { x: number; y: number; width: number; height: number } | null {
  const resvg = new Resvg(svg, { font: fontOptions() });
  try {
    const b = resvg.getBBox();
    if (!b) return null;
    const { x, y, width, height } = b;
    b.free();
    return { x, y, width, height };
  } finally {
    resvg.free();
  }
}
