import { rareKeys, tollBand } from './block-index.ts';
import { BACKGROUND_DAYS, blockable, MAX_BLOCK_DAYS } from './date-window.ts';
import { FINGERPRINT_MIN_KILLED } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';
import { shingles } from './quote-text.ts';

/**
 * The blocking of `block-index.ts` as rows a database can hold and query, so a store can fetch
 * the few stored mentions a new one could link to instead of holding every mention in memory.
 * A row is a key valid over an inclusive range of day numbers; a lookup matches a stored row
 * with the same key and an overlapping range. Day ranges replace the in-memory index's one key
 * per day: a month-long window is one row, not 31. Quote keys carry no days (range 0..0).
 *
 * The contract, tested against `candidatesFor`: the stored mentions matched by a mention's
 * lookups include every mention the in-memory index would offer as a candidate.
 */
export interface BlockRange {
  key: string;
  from: number;
  to: number;
}

/** Longest day range a stored row can span: lookups use it to bound the range scan. */
export const MAX_ROW_DAYS = Math.max(MAX_BLOCK_DAYS, BACKGROUND_DAYS + 1);

function tollKey(f: MentionFeatures): string | null {
  if (!blockable(f.window) || f.killed === null || f.killed < FINGERPRINT_MIN_KILLED) return null;
  return `t|${f.family}|${f.killed}`;
}

/** Quote shingles, a vote's split and the article: keys without days (range 0..0). */
function quoteRanges(f: MentionFeatures): BlockRange[] {
  const keys = new Set<string>();
  for (const q of f.quotes) for (const s of shingles(q)) keys.add(`q|${s}`);
  if (f.tally !== null) keys.add(`v|${f.tally}`);
  keys.add(`p|${f.mention.articleId}`);
  return [...keys].map((key) => ({ key, from: 0, to: 0 }));
}

/** A rare kind's rows (`rareKeys`): filed and looked up under the same keys. */
function rareRanges(f: MentionFeatures): BlockRange[] {
  const w = f.window;
  if (!w) return [];
  return rareKeys(f).map((place) => ({ key: `r|${f.mention.kind}|${place}`, from: w.from, to: w.to }));
}

/** A high toll's band row (`tollBand`): filed under its band, looked up under it and the two beside it. */
function bandRanges(f: MentionFeatures, lookup: boolean): BlockRange[] {
  const band = tollBand(f);
  const w = f.window;
  if (band === null || !w) return [];
  const bands = lookup ? [band - 1, band, band + 1] : [band];
  return bands.map((b) => ({ key: `b|${f.family}|${b}`, from: w.from, to: w.to }));
}

/** The rows a mention is stored under (what `indexMention` files it under). */
export function blockRows(f: MentionFeatures): BlockRange[] {
  const rows: BlockRange[] = [];
  const w = f.window;
  if (blockable(w) && f.placeLine.length > 0) {
    rows.push({ key: `a|${f.family}|${f.placeLine[0]}`, from: w.from, to: w.to });
    for (const place of f.placeLine) rows.push({ key: `w|${f.family}|${place}`, from: w.from, to: w.to });
  }
  const toll = tollKey(f);
  if (toll && w) rows.push({ key: toll, from: w.from, to: w.to });
  return [...rows, ...bandRanges(f, false), ...rareRanges(f), ...quoteRanges(f)];
}

/** The rows to look up for a mention's candidates (what `candidatesFor` reads). */
export function blockLookups(f: MentionFeatures): BlockRange[] {
  const rows: BlockRange[] = [];
  const w = f.window;
  if (blockable(w) && f.placeLine.length > 0) {
    rows.push({ key: `w|${f.family}|${f.placeLine[0]}`, from: w.from, to: w.to });
    for (const ancestor of f.placeLine.slice(1))
      rows.push({ key: `a|${f.family}|${ancestor}`, from: w.from, to: w.to });
  }
  const toll = tollKey(f);
  if (toll && w) rows.push({ key: toll, from: w.from, to: w.to });
  return [...rows, ...bandRanges(f, true), ...rareRanges(f), ...quoteRanges(f)];
}
