/**
 * The map as the issue carries it: one PNG per panel (theatre), each inline in the email under
 * its own Content-ID (the HTML part shows `cid:…`), and as a file beside the web edition's
 * .html, which points at it by name.
 *
 * Why several PNGs and not one with the panels side by side or stacked: each picture keeps its
 * own alt text, which a client that blocks images (Outlook's default) shows in its place and a
 * screen reader reads with it, and its own caption right under it; each stays a one-theatre map
 * at the size, label scale and 60 KB budget a one-theatre day has always had (side by side,
 * three 480 px drawings in a 327 px phone column would bring 17 px labels down to about 4 px;
 * one tall PNG would have one alt text for three maps and three maps' bytes under one budget);
 * and a one-theatre day is byte for byte what it was. The cost, a few more inline parts, is
 * what `multipart/related` is for.
 */
import type { DayMap } from './day-map.ts';
import { renderMapPng } from './render-map.ts';

export interface MapImage {
  png: Buffer;
  cid: string;
  /** the file name beside the .html ("2016-12-09-map.png") */
  file: string;
}

/** The map's panels as PNGs, in the order the email shows them. */
export const mapImages = (map: DayMap): MapImage[] =>
  map.panels.map((p) => ({ png: renderMapPng(p), cid: p.cid, file: p.file }));

/** The inline attachment nodemailer sends under the Content-ID the HTML part refers to. */
export const inlineAttachment = (image: MapImage) => ({
  filename: image.file,
  content: image.png,
  contentType: 'image/png',
  contentDisposition: 'inline' as const,
  cid: image.cid,
});

/** The web edition: the same HTML, with the image read from the file beside it instead of the email's part. */
export function forTheWeb(html: string, images: readonly MapImage[]): string {
  let web = html;
  for (const image of images) web = web.replaceAll(`src="cid:${image.cid}"`, `src="${image.file}"`);
  return web;
}
