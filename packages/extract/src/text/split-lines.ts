/** A line of the original text, without its line break; `blank` lines separate blocks. */
export interface Line {
  start: number;
  end: number;
  text: string;
  /** index of the block (run of non-blank lines) the line belongs to */
  block: number;
}

/** Non-blank lines from `from` on, each tagged with its block, CR and LF both handled. */
export function splitLines(original: string, from: number): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let previousBlank = true;
  let start = from;
  const length = original.length;
  while (start <= length) {
    let newline = original.indexOf('\n', start);
    if (newline === -1) newline = length;
    let end = newline;
    if (end > start && original.charCodeAt(end - 1) === 13) end--;
    const text = original.slice(start, end);
    if (text.trim() === '') previousBlank = true;
    else {
      if (previousBlank && lines.length > 0) block++;
      previousBlank = false;
      // Spans cover the words, not the indentation around them.
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      lines.push({ start: start + lead, end: end - trail, text: text.trim(), block });
    }
    start = newline + 1;
  }
  return lines;
}
