import { BadInputError } from '@sitrep/schema/errors';
import { parseOpml } from 'feedsmith';

export interface OpmlFeed {
  url: string;
  /** the outline's title (or text): the outlet as the list's author named it */
  outlet: string | null;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/**
 * An OPML subscription list (what every feed reader exports) → its feeds, folders flattened,
 * each URL once. An outline whose xmlUrl is not an http(s) URL is reported in `problems` and
 * skipped; the rest are imported.
 */
export function readOpml(text: string, source: string): { feeds: OpmlFeed[]; problems: BadInputError[] } {
  let outlines: Outline[];
  try {
    outlines = (parseOpml(text).body?.outlines ?? []) as Outline[];
  } catch (error) {
    throw new BadInputError(
      source,
      `is not an OPML file (${(error as Error).message}); export the list from your reader as OPML`,
    );
  }
  const feeds = new Map<string, OpmlFeed>();
  const problems: BadInputError[] = [];
  const visit = (list: Outline[]) => {
    for (const outline of list) {
      if (outline.xmlUrl) {
        const name = (outline.title ?? outline.text ?? '').trim() || null;
        const url = httpUrl(outline.xmlUrl);
        if (url === null)
          problems.push(
            new BadInputError(
              source,
              `outline "${name ?? outline.xmlUrl}" has xmlUrl "${outline.xmlUrl}", which is not an http(s) URL; it was skipped`,
            ),
          );
        else if (!feeds.has(url)) feeds.set(url, { url, outlet: name });
      }
      if (outline.outlines) visit(outline.outlines);
    }
  };
  visit(outlines);
  if (feeds.size === 0 && problems.length === 0)
    throw new BadInputError(
      source,
      'lists no feeds (no outline has an xmlUrl); export the list from your reader as OPML',
    );
  return { feeds: [...feeds.values()], problems };
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
