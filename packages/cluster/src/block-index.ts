import type { EventFamily } from '@sitrep/schema/event-kinds';
import { blockable, type DayWindow } from './date-window.ts';
import { RARE_KINDS } from './kind-groups.ts';
import { BACKGROUND_AGREE_MIN_KILLED, FIGURE_AGREE_RATIO, FINGERPRINT_MIN_KILLED } from './link-rules.ts';
import type { MentionFeatures } from './mention-features.ts';
import { shingles } from './quote-text.ts';

/**
 * Blocking: a mention is only ever compared with mentions that share a kind family, a day and a
 * place line (the same place, one inside it, or one containing it), that give the same toll
 * on the same day, that share a run of quoted words, or that give a vote's same split. Each lookup touches (days in window) x (places in line) buckets, so the cost of
 * adding a mention does not grow with the corpus.
 */
export interface BlockIndex {
  /** family -> place -> day -> mentions located exactly at that place */
  at: Map<EventFamily, Map<string, DayBuckets>>;
  /** family -> place -> day -> mentions at that place or anywhere within it */
  within: Map<EventFamily, Map<string, DayBuckets>>;
  /** quote shingle -> mentions quoting it */
  quotes: Map<string, MentionFeatures[]>;
  /** family -> killed -> day -> mentions giving that toll, placed or not */
  tolls: Map<EventFamily, Map<number, DayBuckets>>;
  /** a vote's "yes-no" -> mentions giving that split, dated or not */
  tallies: Map<string, MentionFeatures[]>;
  /**
   * article id -> its mentions: an article's events are always compared with each other (an
   * unplaced, untolled "the blast" finds its article's "a bomb in Aleppo" through nothing else)
   */
  articles: Map<string, MentionFeatures[]>;
  /** family -> toll band (`tollBand`) -> day -> mentions giving a toll that high */
  bands: Map<EventFamily, Map<number, DayBuckets>>;
  /** rare kind (`RARE_KINDS`) -> place or country -> day -> mentions of that kind there or within it */
  rare: Map<string, Map<string, DayBuckets>>;
}

/**
 * day number -> the mentions filed under that day. Buckets hold the features themselves, not
 * ids: every candidate is compared, and looking each id up again in the state cost more than
 * the blocking around it.
 */
export type DayBuckets = Map<number, MentionFeatures[]>;

// Keyed by family, then place (or toll), then day number, rather than by one "family|day|place"
// string: a month-long window over a place line of four made ~120 key strings per mention,
// built again for every lookup. Nor is a "family|place" string built: the family and the place
// id are strings that exist already, and a built key had to be allocated, flattened and hashed
// on every lookup. Same buckets, same order of ids.

export function emptyBlockIndex(): BlockIndex {
  return {
    at: new Map(),
    within: new Map(),
    quotes: new Map(),
    tolls: new Map(),
    tallies: new Map(),
    articles: new Map(),
    bands: new Map(),
    rare: new Map(),
  };
}

function push(map: Map<string, MentionFeatures[]>, key: string, f: MentionFeatures): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

/** The day buckets filed under (family, key), made when missing. */
function daysOf<F, K>(map: Map<F, Map<K, DayBuckets>>, family: F, key: K): DayBuckets {
  let keys = map.get(family);
  if (!keys) {
    keys = new Map();
    map.set(family, keys);
  }
  let days = keys.get(key);
  if (!days) {
    days = new Map();
    keys.set(key, days);
  }
  return days;
}

/** Files `f` under each day of a window: the key's buckets are found once, not once per day. */
function pushDays(days: DayBuckets, w: DayWindow, f: MentionFeatures): void {
  for (let d = w.from; d <= w.to; d++) {
    const list = days.get(d);
    if (list) list.push(f);
    else days.set(d, [f]);
  }
}

/** Tolls block even mentions placed no finer than a country: the same toll on the same day. */
function tollBlocked(f: MentionFeatures): f is MentionFeatures & { window: DayWindow; killed: number } {
  return blockable(f.window) && f.killed !== null && f.killed >= FINGERPRINT_MIN_KILLED;
}

/** Mentions block by day and place only with a window to block on and a place line. */
function placeBlocked(f: MentionFeatures): f is MentionFeatures & { window: DayWindow } {
  return blockable(f.window) && f.placeLine.length > 0;
}

/**
 * Tolls high enough to tie reports months apart when they agree (`backgroundTie`) are filed by
 * band: two tolls within the agreement ratio are in the same band or the next, so a mention
 * looks up its band and the two beside it. null below `BACKGROUND_AGREE_MIN_KILLED`.
 */
export function tollBand(f: MentionFeatures): number | null {
  if (!blockable(f.window) || f.killed === null || f.killed < BACKGROUND_AGREE_MIN_KILLED) return null;
  return Math.floor(Math.log(f.killed) / Math.log(FIGURE_AGREE_RATIO));
}

/**
 * Where a mention of a rare kind is filed and looked up: its country when it is placed no finer
 * than one, else every place of its place line (the country among them). A report "in Syria"
 * and one in Khan Sheikhoun meet under Syria.
 */
export function rareKeys(f: MentionFeatures): readonly string[] {
  if (!RARE_KINDS.includes(f.mention.kind) || !blockable(f.window)) return [];
  if (f.placeLine.length > 0) return f.placeLine;
  return f.country === null ? [] : [f.country];
}

// A mention goes into each (key, day) bucket once, so filing it key by key rather than day by
// day leaves every bucket with the same ids in the same order.
export function indexMention(index: BlockIndex, f: MentionFeatures): void {
  if (placeBlocked(f)) {
    pushDays(daysOf(index.at, f.family, f.placeLine[0] as string), f.window, f);
    for (const place of f.placeLine) pushDays(daysOf(index.within, f.family, place), f.window, f);
  }
  for (const q of f.quotes) for (const s of shingles(q)) push(index.quotes, s, f);
  if (tollBlocked(f)) pushDays(daysOf(index.tolls, f.family, f.killed), f.window, f);
  if (f.tally !== null) push(index.tallies, f.tally, f);
  push(index.articles, f.mention.articleId, f);
  for (const key of rareKeys(f)) pushDays(daysOf(index.rare, f.mention.kind, key), f.window as DayWindow, f);
  const band = tollBand(f);
  if (band !== null) pushDays(daysOf(index.bands, f.family, band), f.window as DayWindow, f);
}

function pull(map: Map<string, MentionFeatures[]>, key: string, id: string): void {
  const list = map.get(key)?.filter((x) => x.id !== id);
  if (list && list.length > 0) map.set(key, list);
  else map.delete(key);
}

function pullDays<F, K>(map: Map<F, Map<K, DayBuckets>>, family: F, key: K, w: DayWindow, id: string): void {
  const keys = map.get(family);
  const days = keys?.get(key);
  if (!keys || !days) return;
  for (let d = w.from; d <= w.to; d++) {
    const list = days.get(d)?.filter((x) => x.id !== id);
    if (list && list.length > 0) days.set(d, list);
    else days.delete(d);
  }
  if (days.size === 0) keys.delete(key);
  if (keys.size === 0) map.delete(family);
}

export function unindexMention(index: BlockIndex, f: MentionFeatures): void {
  if (placeBlocked(f)) {
    pullDays(index.at, f.family, f.placeLine[0] as string, f.window, f.id);
    for (const place of f.placeLine) pullDays(index.within, f.family, place, f.window, f.id);
  }
  for (const q of f.quotes) for (const s of shingles(q)) pull(index.quotes, s, f.id);
  if (tollBlocked(f)) pullDays(index.tolls, f.family, f.killed, f.window, f.id);
  if (f.tally !== null) pull(index.tallies, f.tally, f.id);
  pull(index.articles, f.mention.articleId, f.id);
  for (const key of rareKeys(f)) pullDays(index.rare, f.mention.kind, key, f.window as DayWindow, f.id);
  const band = tollBand(f);
  if (band !== null) pullDays(index.bands, f.family, band, f.window as DayWindow, f.id);
}

/** Adds the mentions of one bucket to `out`, all but `self` (a module function: no closure made per lookup). */
function addAll(out: Set<MentionFeatures>, list: readonly MentionFeatures[] | undefined, self: string): void {
  if (list) for (const c of list) if (c.id !== self) out.add(c);
}

/**
 * Indexed mentions that could be the same event as `f` (never `f` itself, nor another
 * mention with its id). A state holds one features object per id, so these are its features.
 */
export function candidateFeatures(index: BlockIndex, f: MentionFeatures): Set<MentionFeatures> {
  const out = new Set<MentionFeatures>();
  if (placeBlocked(f)) {
    const within = index.within.get(f.family)?.get(f.placeLine[0] as string);
    const atFamily = index.at.get(f.family);
    const ancestors: (DayBuckets | undefined)[] = [];
    for (let i = 1; i < f.placeLine.length; i++) ancestors.push(atFamily?.get(f.placeLine[i] as string));
    for (let d = f.window.from; d <= f.window.to; d++) {
      addAll(out, within?.get(d), f.id);
      for (const at of ancestors) addAll(out, at?.get(d), f.id);
    }
  }
  for (const q of f.quotes) for (const s of shingles(q)) addAll(out, index.quotes.get(s), f.id);
  if (tollBlocked(f)) {
    const days = index.tolls.get(f.family)?.get(f.killed);
    if (days) for (let d = f.window.from; d <= f.window.to; d++) addAll(out, days.get(d), f.id);
  }
  if (f.tally !== null) addAll(out, index.tallies.get(f.tally), f.id);
  addAll(out, index.articles.get(f.mention.articleId), f.id);
  const band = tollBand(f);
  if (band !== null)
    for (const b of [band - 1, band, band + 1]) {
      const days = index.bands.get(f.family)?.get(b);
      if (days)
        for (let d = (f.window as DayWindow).from; d <= (f.window as DayWindow).to; d++)
          addAll(out, days.get(d), f.id);
    }
  for (const key of rareKeys(f)) {
    const days = index.rare.get(f.mention.kind)?.get(key);
    if (days)
      for (let d = (f.window as DayWindow).from; d <= (f.window as DayWindow).to; d++)
        addAll(out, days.get(d), f.id);
  }
  return out;
}

/** Ids of indexed mentions that could be the same event as `f` (never `f` itself), in the same order. */
export function candidatesFor(index: BlockIndex, f: MentionFeatures): Set<string> {
  const ids = new Set<string>();
  for (const c of candidateFeatures(index, f)) ids.add(c.id);
  return ids;
}
