import { readFileSync } from 'node:fs';
import type { CreditRole } from '@sitrep/schema/article';

interface Entry {
  pattern: string;
  why: string;
  credit?: CreditRole;
  outlet?: boolean;
}

export interface TailRule {
  re: RegExp;
  /**
   * `re` without what it starts with that may match anywhere: a look-behind, white space
   * (`\s*`, `\s+`) or a run of anything but a full stop (`[^.]*`). Wherever `re` matches, this
   * matches too (where that head ends), so a "no" from it is a "no" from `re`; and without a
   * head that fits every position the regex engine can skip ahead to the first word ("Our
   * Standards", "editorials as well as"). A cheap test before the costly one, which finds where
   * the tail starts.
   */
  quick: RegExp | null;
  credit: CreditRole | null;
  outlet: boolean;
}

/**
 * Heads that can be dropped from a pattern to get its quick test: a look-behind made of plain
 * characters and simple classes (no groups, escapes or nested brackets, so where it ends is
 * certain), `\s*`, `\s+`, `[^.]*`, `[^.]+` — none of them capturing, so group numbers hold.
 */
const HEAD = /^(?:\(\?<[=!](?:\[[^\]\\()[]*\]|[^()[\]\\])*\)|\\s[*+]|\[\^\.\][*+])(?![?*+{])/;

function quickTest(re: RegExp): RegExp | null {
  let source = re.source;
  for (let m = HEAD.exec(source); m !== null; m = HEAD.exec(source)) source = source.slice(m[0].length);
  // nothing dropped, or nothing left to test
  if (source === re.source || source === '' || source.startsWith('|')) return null;
  return new RegExp(source, re.flags);
}

export interface Furniture {
  lines: RegExp[];
  linkListHeadings: RegExp[];
  leads: RegExp[];
  tails: TailRule[];
  inline: RegExp;
}

let cache: Furniture | null = null;

/** Page-furniture patterns from data/furniture.json, compiled once. */
export function loadFurniture(): Furniture {
  if (cache) return cache;
  const file = new URL('../../data/furniture.json', import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry[]>;
  const compile = (key: string, flags = 'i') => (data[key] ?? []).map((e) => new RegExp(e.pattern, flags));
  cache = {
    lines: compile('lines'),
    linkListHeadings: compile('linkListHeadings'),
    leads: compile('leads'),
    // Tails are case-sensitive: "- REUTERS" is a sign-off, "- reuters" mid-sentence is not.
    tails: (data.tails ?? []).map((e) => {
      const re = new RegExp(e.pattern);
      return { re, quick: quickTest(re), credit: e.credit ?? null, outlet: e.outlet === true };
    }),
    inline: new RegExp((data.inline ?? []).map((e) => `(?:${e.pattern})`).join('|'), 'g'),
  };
  return cache;
}

export function isFurnitureLine(text: string): boolean {
  return loadFurniture().lines.some((re) => re.test(text));
}

export function isLinkListHeading(text: string): boolean {
  return loadFurniture().linkListHeadings.some((re) => re.test(text));
}
