/** The map's drawing: its size in its own pixels (the PNG is this times the zoom) and its labels' type. */
import { existsSync } from 'node:fs';

export const W = 480;
export const H = 320;
export const LABEL_PX = 17;

/**
 * Fonts for the labels: Debian's DejaVu or Liberation (`fonts-dejavu-core`, which Chromium's
 * package pulls in). resvg as wasm reads no system fonts, so without either no label is drawn.
 */
export const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
].filter((f) => existsSync(f));
export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
