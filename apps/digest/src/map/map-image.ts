/**
 * The map as the issue carries it: the PNG, inline in the email under its Content-ID (the HTML
 * part shows `cid:…`), and as a file beside the web edition's .html, which points at it by name.
 */
import type { DayMap } from './day-map.ts';
import { renderMapPng } from './render-map.ts';

export interface MapImage {
  png: Buffer;
  cid: string;
  /** the file name beside the .html ("2016-12-09-map.png") */
  file: string;
}

export const mapImage = (map: DayMap): MapImage => ({ png: renderMapPng(map), cid: map.cid, file: map.file });

/** The inline attachment nodemailer sends under the Content-ID the HTML part refers to. */
export const inlineAttachment = (image: MapImage) => ({
  filename: image.file,
  content: image.png,
  contentType: 'image/png',
  contentDisposition: 'inline' as const,
  cid: image.cid,
});

/** The web edition: the same HTML, with the image read from the file beside it instead of the email's part. */
export function forTheWeb(html: string, image: MapImage | null): string {
  return image ? html.replaceAll(`src="cid:${image.cid}"`, `src="${image.file}"`) : html;
}
