/**
 * Day content goes through Handlebars twice: once into the issue, then again (as literal
 * text of the compiled issue) for each recipient. A headline holding `{{` or `\` must not
 * become a placeholder on the second pass, so before the first pass every `{` and `\` in the
 * data becomes a private-use character, and after it those become something the second pass
 * prints literally: an HTML entity in the HTML, a context value in the text.
 */
const OPEN = '\uE000';
const BACKSLASH = '\uE001';

export function protect<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('{', OPEN).replaceAll('\\', BACKSLASH) as T;
  if (Array.isArray(value)) return value.map(protect) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = protect(v);
    return out as T;
  }
  return value;
}

/** For HTML: entities the browser shows as `{` and `\`, which Handlebars leaves alone. */
export const restoreAsEntities = (html: string) =>
  html.replaceAll(OPEN, '&#123;').replaceAll(BACKSLASH, '&#92;');

/** For text: expressions the recipient render resolves from `TEXT_LITERALS`. */
export const restoreAsExpressions = (text: string) =>
  text.replaceAll(OPEN, '{{literal.open}}').replaceAll(BACKSLASH, '{{literal.backslash}}');

export const TEXT_LITERALS = { open: '{', backslash: '\\' } as const;
