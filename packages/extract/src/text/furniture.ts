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
  credit: CreditRole | null;
  outlet: boolean;
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
    tails: (data.tails ?? []).map((e) => ({
      re: new RegExp(e.pattern),
      credit: e.credit ?? null,
      outlet: e.outlet === true,
    })),
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
