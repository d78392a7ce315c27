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
   * `re` without its leading `\s*`, when it has one: it matches somewhere exactly when `re`
   * does (the white space may always match empty), and without a pattern that fits every
   * position at its head the regex engine can skip ahead to its first word ("Our Standards",
   * "Related News"). A cheap "no" before the costly test, which finds where the tail starts.
   */
  quick: RegExp | null;
  credit: CreditRole | null;
  outlet: boolean;
}

const LEADING_SPACE = '\\s*';

function quickTest(re: RegExp): RegExp | null {
  const rest = re.source.slice(LEADING_SPACE.length);
  // a quantifier right after it would bind to something else once \s* is gone ("\s*?")
  if (!re.source.startsWith(LEADING_SPACE) || /^[?*+{]/.test(rest)) return null;
  return new RegExp(rest, re.flags);
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
