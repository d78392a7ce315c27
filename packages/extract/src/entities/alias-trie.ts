/**
 * One character trie over every alias of a data set, walked from each word start: matching is
 * linear in the text length (times the longest alias), whatever the number of aliases, which a
 * regex alternation of hundreds of names is not.
 */
export interface AliasMatch {
  id: string;
  /** the alias as written in the text */
  text: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** the entry an alias ending here resolves to */
  id: string | null;
}

const node = (): TrieNode => ({ next: new Map(), id: null });

/** Typographic apostrophes fold to the straight one so "O’Brien" matches "O'Brien". */
const fold = (ch: string): string => (ch === '\u2019' || ch === '\u2018' ? "'" : ch);

const WORD = /[\p{L}\p{N}]/u;
/** ASCII answered by char code (most of the text); the Unicode class only for the rest. */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(ch);
}

export class AliasTrie {
  private readonly root = node();

  /** Adds `alias` for `id`; the first entry to claim an alias keeps it (data files order by priority). */
  add(alias: string, id: string): void {
    let at = this.root;
    for (const raw of alias) {
      const ch = fold(raw);
      let child = at.next.get(ch);
      if (!child) {
        child = node();
        at.next.set(ch, child);
      }
      at = child;
    }
    at.id ??= id;
  }

  /** Longest whole-word matches, left to right, never overlapping. */
  scan(text: string): AliasMatch[] {
    const found: AliasMatch[] = [];
    let i = 0;
    while (i < text.length) {
      if (isWordChar(text[i - 1]) || !isWordChar(text[i])) {
        i++;
        continue;
      }
      let at: TrieNode | undefined = this.root;
      let best: { id: string; end: number } | null = null;
      for (let j = i; j < text.length && at; j++) {
        at = at.next.get(fold(text[j] as string));
        if (at?.id && !isWordChar(text[j + 1])) best = { id: at.id, end: j + 1 };
      }
      if (best) {
        found.push({ id: best.id, text: text.slice(i, best.end), start: i, end: best.end });
        i = best.end;
      } else i++;
    }
    return found;
  }
}
