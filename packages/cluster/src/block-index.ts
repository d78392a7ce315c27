import { blockable } from './date-window.ts';
import { FINGERPRINT_MIN_KILLED } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';
import { shingles } from './quote-text.ts';

/**
 * Blocking: a mention is only ever compared with mentions that share a kind family, a day and a
 * place line (the same place, one inside it, or one containing it), that give the same toll
 * on the same day, or that share a run of quoted words. Each lookup touches (days in window) x (places in line) buckets, so the cost of
 * adding a mention does not grow with the corpus.
 */
export interface BlockIndex {
  /** family|day|place -> mentions located exactly at that place */
  at: Map<string, string[]>;
  /** family|day|place -> mentions at that place or anywhere within it */
  within: Map<string, string[]>;
  /** quote shingle -> mentions quoting it */
  quotes: Map<string, string[]>;
  /** family|day|killed -> mentions giving that toll, placed or not */
  tolls: Map<string, string[]>;
}

export function emptyBlockIndex(): BlockIndex {
  return { at: new Map(), within: new Map(), quotes: new Map(), tolls: new Map() };
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Tolls block even mentions placed no finer than a country: the same toll on the same day. */
function tollKeys(f: MentionFeatures): string[] {
  const w = f.window;
  if (!blockable(w) || f.killed === null || f.killed < FINGERPRINT_MIN_KILLED) return [];
  const keys: string[] = [];
  for (let d = w.from; d <= w.to; d++) keys.push(`${f.family}|${d}|${f.killed}`);
  return keys;
}

function dayKeys(f: MentionFeatures): string[] {
  const w = f.window;
  if (!blockable(w) || f.placeLine.length === 0) return [];
  const keys: string[] = [];
  for (let d = w.from; d <= w.to; d++) keys.push(`${f.family}|${d}|`);
  return keys;
}

export function indexMention(index: BlockIndex, f: MentionFeatures): void {
  for (const day of dayKeys(f)) {
    push(index.at, day + f.placeLine[0], f.id);
    for (const place of f.placeLine) push(index.within, day + place, f.id);
  }
  for (const q of f.quotes) for (const s of shingles(q)) push(index.quotes, s, f.id);
  for (const key of tollKeys(f)) push(index.tolls, key, f.id);
}

function pull(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key)?.filter((x) => x !== id);
  if (list && list.length > 0) map.set(key, list);
  else map.delete(key);
}

export function unindexMention(index: BlockIndex, f: MentionFeatures): void {
  for (const day of dayKeys(f)) {
    pull(index.at, day + f.placeLine[0], f.id);
    for (const place of f.placeLine) pull(index.within, day + place, f.id);
  }
  for (const q of f.quotes) for (const s of shingles(q)) pull(index.quotes, s, f.id);
  for (const key of tollKeys(f)) pull(index.tolls, key, f.id);
}

/** Ids of indexed mentions that could be the same event as `f` (never `f` itself). */
export function candidatesFor(index: BlockIndex, f: MentionFeatures): Set<string> {
  const out = new Set<string>();
  const add = (ids: string[] | undefined) => {
    if (ids) for (const id of ids) if (id !== f.id) out.add(id);
  };
  for (const day of dayKeys(f)) {
    add(index.within.get(day + f.placeLine[0]));
    for (const ancestor of f.placeLine.slice(1)) add(index.at.get(day + ancestor));
  }
  for (const q of f.quotes) for (const s of shingles(q)) add(index.quotes.get(s));
  for (const key of tollKeys(f)) add(index.tolls.get(key));
  return out;
}
