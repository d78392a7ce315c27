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
/** ASCII letters and digits, 1 in a table: the scan asks this of every character of every sentence. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Whether UTF-16 unit `code`, at `i` in `text`, is a letter or digit (false outside the text: NaN). */
function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  return !Number.isNaN(code) && WORD.test(text[i] as string);
}

/** Whether the code unit at `i` is a letter or digit (false outside the text). */
function isWordAt(text: string, i: number): boolean {
  return isWordCode(text, i, text.charCodeAt(i));
}

/**
 * The trie packed into flat arrays for scanning: characters map to a small alphabet (0: in no
 * alias, so the walk stops), and `next[node * width + letter]` is the child (0: none; the root,
 * node 0, is nobody's child). A walk step is two array reads instead of a Map lookup, and
 * scanning every word start of every sentence is most of what matching costs.
 */
interface Packed {
  /** alphabet index + 1 for each UTF-16 code unit, 0 when no alias uses it */
  letter: Uint16Array;
  width: number;
  next: Int32Array;
  ids: (string | null)[];
}

function pack(root: TrieNode): Packed {
  const letter = new Uint16Array(0x10000);
  const nodes: TrieNode[] = [];
  const number = new Map<TrieNode, number>();
  let letters = 0;
  const visit = (n: TrieNode) => {
    number.set(n, nodes.length);
    nodes.push(n);
    for (const [code, child] of n.next) {
      if (letter[code] === 0) letter[code] = ++letters;
      visit(child);
    }
  };
  visit(root);
  // the folded apostrophes read as the straight one
  letter[0x2018] = letter[APOSTROPHE] as number;
  letter[0x2019] = letter[APOSTROPHE] as number;
  const width = letters + 1;
  const next = new Int32Array(nodes.length * width);
  nodes.forEach((n, i) => {
    for (const [code, child] of n.next)
      next[i * width + (letter[code] as number)] = number.get(child) as number;
  });
  return { letter, width, next, ids: nodes.map((n) => n.id) };
}

export class AliasTrie {
  private readonly root = node();
  /** made on the first scan, again after an add */
  private packed: Packed | null = null;

  /** Adds `alias` for `id`; the first entry to claim an alias keeps it (data files order by priority). */
  add(alias: string, id: string): void {
    this.packed = null;
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
    this.packed ??= pack(this.root);
    const { letter, width, next, ids } = this.packed;
    const found: AliasMatch[] = [];
    const n = text.length;
    let wordBefore = false;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      const here = isWordCode(text, i, code);
      // only word starts whose first character starts some alias are walked
      if (wordBefore || !here || next[letter[code] as number] === 0) {
        wordBefore = here;
        i++;
        continue;
      }
      let at = 0;
      let bestId: string | null = null;
      let bestEnd = -1;
      for (let j = i; j < n; j++) {
        const l = letter[text.charCodeAt(j)] as number;
        if (l === 0) break;
        at = next[at * width + l] as number;
        if (at === 0) break;
        const id = ids[at] as string | null;
        if (id !== null && !isWordAt(text, j + 1)) {
          bestId = id;
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
