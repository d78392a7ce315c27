/**
 * Quoted passages across a run of sentences: a quote opened in one sentence and closed in a
 * later one ("“I know people are tired ... while people are dying?”") is one passage.
 */
export interface QuotePassage {
  /** sentence index and offset of the opening mark */
  from: { sentence: number; offset: number };
  /** sentence index and offset just after the closing mark */
  to: { sentence: number; offset: number };
  /** the words inside the marks, sentences joined by a space */
  text: string;
}

const QUOTE_MARK = /["\u201c\u201d]/g;
const OPEN = new Set(['"', '\u201c']);
const CLOSE = new Set(['"', '\u201d']);

/** Every passage in order; an unclosed quote ends at its paragraph's last sentence. */
export function findQuotes(sentences: readonly { text: string; paragraph: number }[]): QuotePassage[] {
  const out: QuotePassage[] = [];
  let open: { sentence: number; offset: number; parts: string[] } | null = null;
  sentences.forEach((s, si) => {
    if (open && sentences[open.sentence]?.paragraph !== s.paragraph) {
      const prev = sentences[si - 1] as { text: string };
      out.push({
        from: open,
        to: { sentence: si - 1, offset: prev.text.length },
        text: open.parts.join(' ').trim(),
      });
      open = null;
    }
    let segmentStart = 0;
    // jump from quote mark to quote mark: most sentences have none
    QUOTE_MARK.lastIndex = 0;
    for (let mark = QUOTE_MARK.exec(s.text); mark !== null; mark = QUOTE_MARK.exec(s.text)) {
      const i = mark.index;
      const ch = mark[0];
      if (!open && OPEN.has(ch) && (ch !== '"' || i === 0 || /[\s([\u2014-]/.test(s.text[i - 1] as string))) {
        open = { sentence: si, offset: i, parts: [] };
        segmentStart = i + 1;
      } else if (open && CLOSE.has(ch)) {
        open.parts.push(s.text.slice(segmentStart, i));
        out.push({ from: open, to: { sentence: si, offset: i + 1 }, text: open.parts.join(' ').trim() });
        open = null;
      }
    }
    if (open) open.parts.push(s.text.slice(open.sentence === si ? segmentStart : 0));
  });
  if (open) {
    const o = open as { sentence: number; offset: number; parts: string[] };
    const last = sentences.length - 1;
    out.push({
      from: o,
      to: { sentence: last, offset: (sentences[last] as { text: string }).text.length },
      text: o.parts.join(' ').trim(),
    });
  }
  return out;
}
