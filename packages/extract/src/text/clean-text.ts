/**
 * Text after cleaning, with a map back to the original: `map[i]` is the offset in the
 * original text of cleaned character `i`, and `map[text.length]` is the original end. Every
 * span Sitrep reports is computed through this map, so evidence points at the real bytes.
 */
export interface CleanText {
  text: string;
  map: Int32Array;
}

/** Characters replaced one-for-one: spacing variants and typographic quotes. */
const REPLACE: Record<string, string> = {
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2026': '...',
};

/** Invisible characters that only get in the way of matching. */
const DROP = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

function isSpace(ch: string): boolean {
  return (
    ch === ' ' ||
    ch === '\n' ||
    ch === '\r' ||
    ch === '\t' ||
    ch === '\u00a0' ||
    ch === '\u2009' ||
    ch === '\u202f' ||
    ch === '\u2007'
  );
}

/**
 * Cleans `original[start, end)`: replaces NBSP and typographic quotes, drops invisible
 * characters, collapses runs of white space (line breaks inside a paragraph included) into
 * one space and trims both ends.
 */
export function cleanRange(original: string, start: number, end: number): CleanText {
  // One cleaned character per original one, and two more for each "\u2026" ("..."). Searched in
  // the range only (a slice is a view), so an article is not read to its end once per paragraph.
  let ellipses = 0;
  const range = original.slice(start, end);
  for (let at = range.indexOf('\u2026'); at !== -1; at = range.indexOf('\u2026', at + 1)) ellipses++;
  const offsets = new Int32Array(end - start + 2 * ellipses + 1);
  let text = '';
  let length = 0;
  let pendingSpace = -1;
  let runStart = -1;
  for (let i = start; i <= end; i++) {
    const code = i < end ? original.charCodeAt(i) : -1;
    // Plain printable ASCII, and single spaces between such characters, is copied as one run.
    if (
      (code > 32 && code < 127) ||
      (code === 32 && runStart !== -1 && isPlain(original.charCodeAt(i + 1)) && i + 1 < end)
    ) {
      if (runStart === -1) {
        if (pendingSpace !== -1 && length > 0) {
          text += ' ';
          offsets[length++] = pendingSpace;
        }
        pendingSpace = -1;
        runStart = i;
      }
      continue;
    }
    if (runStart !== -1) {
      text += original.slice(runStart, i);
      for (let k = runStart; k < i; k++) offsets[length++] = k;
      runStart = -1;
    }
    if (code === -1) break;
    const ch = original[i] as string;
    if (DROP.has(ch)) continue;
    if (isSpace(ch)) {
      if (pendingSpace === -1) pendingSpace = i;
      continue;
    }
    if (pendingSpace !== -1) {
      if (length > 0) {
        text += ' ';
        offsets[length++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    const out = REPLACE[ch] ?? ch;
    text += out;
    for (let k = 0; k < out.length; k++) offsets[length++] = i;
  }
  // a view, not a copy: the map is as long as the text plus its end
  const map = offsets.subarray(0, length + 1);
  // The end maps to just after the last kept character, so trailing space stays outside spans.
  map[length] = length > 0 ? (offsets[length - 1] as number) + 1 : start;
  return { text, map };
}

function isPlain(code: number): boolean {
  return code > 32 && code < 127;
}

/** Span in the original text of cleaned `[from, to)`. */
export function originalSpan(clean: CleanText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = clean.map[from] ?? clean.map[clean.map.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: clean.map[from] as number, end: (clean.map[to - 1] as number) + 1 };
}

/**
 * Whether cleaning `text` keeps more than `n` characters: every character that is neither white
 * space nor dropped is kept (as one or more), so this counts those and stops at `n + 1`. A
 * cheap "no" before cleaning a whole text only to compare it with a short one.
 */
export function keepsMoreThan(text: string, n: number): boolean {
  let kept = 0;
  for (let i = 0; i < text.length && kept <= n; i++) {
    const ch = text[i] as string;
    if (!isSpace(ch) && !DROP.has(ch)) kept++;
  }
  return kept > n;
}

/** Cleans a short string with no map (headlines, captions), for display. */
export function cleanString(value: string): string {
  return cleanRange(value, 0, value.length).text;
}
