const FUTURE =
  /\b(?:will|would|shall|to meet|is due|are due|due to|scheduled|plans? to|planned|set to|going to|next|tomorrow|upcoming|expected to|might|hopes?|hoped)\b/gi;
const PAST =
  /\b(?:said|says|told|announced|added|reported|confirmed|stated|noted|declared|vetoed|killed|met|held|was|were)\b/gi;

const TENSE_REACH = 1000;

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m.index;
  return last;
}

/**
 * `scheduled` when a future word governs the date: it comes after the last reporting verb
 * before the date ("said on Friday U.S. and Russian officials would meet ... on Saturday"),
 * or the expression itself looks ahead ("next week").
 */
export function tenseAt(sentence: string, index: number, expression: string): 'past' | 'scheduled' {
  if (/\b(?:next|tomorrow|coming)\b/i.test(expression)) return 'scheduled';
  if (/\b(?:last|past|previous|ago|yesterday|earlier)\b/i.test(expression)) return 'past';
  // Far enough back for any real sentence (FA-KES's longest is 615 characters), and bounded so a
  // run-on text with thousands of dates is not read from its start for each of them.
  const before = sentence.slice(Math.max(0, index - TENSE_REACH), index);
  const future = lastIndex(FUTURE, before);
  if (future === -1) return 'past';
  return future > lastIndex(PAST, before) ? 'scheduled' : 'past';
}
