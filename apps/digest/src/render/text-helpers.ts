/** Helpers for the plain-text issue: written for a 72-column mail reader, not stripped HTML. */
import type { HelperDelegate } from 'handlebars';

const WIDTH = 72;

/** Word-wraps `text` to 72 columns with every line indented by `indent` spaces. */
export function wrap(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && pad.length + line.length + 1 + word.length > WIDTH) {
      lines.push(pad + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(pad + line);
  return lines.join('\n');
}

/** A bar of up to 30 characters; a day with nothing reported gets a dotted rule. */
export const bar = (widthPct: number) =>
  widthPct > 0 ? '█'.repeat(Math.max(1, Math.round((widthPct / 100) * 30))).padEnd(30) : '·'.padEnd(30);

export const TEXT_HELPERS: Record<string, HelperDelegate> = {
  wrap: (text: unknown, indent: unknown) => wrap(String(text), typeof indent === 'number' ? indent : 0),
  quoted: (text: unknown) => `“${String(text)}”`,
  /** "— John Kerry, U.S. Secretary of State [3]" */
  quoteAttribution: (quote: unknown) => {
    const q = quote as { speaker: string; title: string | null; sourceRef: number | null };
    return `— ${q.speaker}${q.title ? `, ${q.title}` : ''}${q.sourceRef ? ` [${q.sourceRef}]` : ''}`;
  },
  pad: (text: unknown, width: unknown) => String(text).padEnd(typeof width === 'number' ? width : 0),
  upper: (text: unknown) => String(text).toUpperCase(),
  /** "  > 46 civilians killed — White Helmets, via Reuters", wrapped at 72 with a hanging indent */
  figureLine: (text: unknown, attribution: unknown) =>
    `  > ${wrap(`${String(text)} — ${String(attribution)}`, 4).slice(4)}`,
  bar: (widthPct: unknown) => bar(typeof widthPct === 'number' ? widthPct : 0),
};
