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
  /** children by UTF-16 code unit: numeric keys, so walking the text allocates nothing */
  next: Map<number, TrieNode>;
  /** the entry an alias ending here resolves to */
  id: string | null;
}

const node = (): TrieNode => ({ next: new Map(), id: null });

const APOSTROPHE = 39;
/** Typographic apostrophes fold to the straight one so "O’Brien" matches "O'Brien". */
const fold = (code: number): number => (code === 0x2019 || code === 0x2018 ? APOSTROPHE : code);

const WORD = /[\p{L}\p{N}]/u;
/** Whether the code unit at `i` is a letter or digit (false outside the text). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // NaN outside the text: every comparison is false
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !Number.isNaN(c) && WORD.test(text[i] as string);
}

export class AliasTrie {
  private readonly root = node();

  /** Adds `alias` for `id`; the first entry to claim an alias keeps it (data files order by priority). */
  add(alias: string, id: string): void {
    let at = this.root;
    for (let k = 0; k < alias.length; k++) {
      const code = fold(alias.charCodeAt(k));
      let child = at.next.get(code);
      if (!child) {
        child = node();
        at.next.set(code, child);
      }
      at = child;
    }
    at.id ??= id;
  }

  /** Longest whole-word matches, left to right, never overlapping. */
  scan(text: string): AliasMatch[] {
    const found: AliasMatch[] = [];
    const first = this.root.next;
    const n = text.length;
    let wordBefore = false;
    let i = 0;
    while (i < n) {
      const here = isWordAt(text, i);
      // only word starts whose first character starts some alias are walked
      if (wordBefore || !here || !first.has(fold(text.charCodeAt(i)))) {
        wordBefore = here;
        i++;
        continue;
      }
      let at: TrieNode | undefined = this.root;
      let bestId: string | null = null;
      let bestEnd = -1;
      for (let j = i; j < n && at; j++) {
        at = at.next.get(fold(text.charCodeAt(j)));
        if (at?.id && !isWordAt(text, j + 1)) {
          bestId = at.id;
          bestEnd = j + 1;
        }
      }
      if (bestId !== null) {
        found.push({ id: bestId, text: text.slice(i, bestEnd), start: i, end: bestEnd });
        // the match ends before a non-word character, so the next position is not inside a word
        wordBefore = false;
        i = bestEnd;
      } else {
        wordBefore = true;
        i++;
      }
    }
    return found;
  }
}
